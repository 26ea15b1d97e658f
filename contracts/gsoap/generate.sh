#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs wsdl2h + soapcpp2 for one contract family (or the shared env module).
#   generate.sh family NAME OUTDIR TYPEMAP GSOAPDIR WSDL...
#   generate.sh env    env  OUTDIR TYPEMAP GSOAPDIR XSD...
# Writes OUTDIR/NAME{C.cpp,H.h,Stub.h} and OUTDIR/NAME.nsmap. Flags and why:
#   wsdl2h -c++11 -x -L  C++11 types, no xs:any members (lax skipping keeps RIVTA
#                        forward compatibility), fewer comments
#   wsdl2h -k            no mustUnderstand on LogicalAddress
#   wsdl2h -O4           drop schema components no operation reaches
#   (never -j: it drops SOAP_ENV__Header, and with it the logical address)
#   soapcpp2 -1 -C -x -w -L  SOAP 1.1, serialisers only (no samples/WSDL copies)
#   soapcpp2 -qNAME      own C++ namespace per family (1.0 and 1.1 share QNames)
set -euo pipefail
kind=$1 name=$2 out=$3 typemap=$4 gsoapdir=$5; shift 5
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ "$kind" = env ]; then
  wsdl2h -c++11 -x -L -t "$typemap" -o "$out/common.h" "$@" >"$tmp/wsdl2h.log" 2>&1 \
    || { cat "$tmp/wsdl2h.log"; exit 1; }
  cp "$gsoapdir/env.h" "$gsoapdir/wsa_to.h" "$out/"
  soapcpp2 -c++11 -1 -x -w -L -penv -I"$out" -d "$tmp" "$out/env.h" >"$tmp/soapcpp2.log" 2>&1 \
    || { cat "$tmp/soapcpp2.log"; exit 1; }
  cp "$tmp/envC.cpp" "$tmp/envH.h" "$tmp/envStub.h" "$out/"
  cp "$(ls "$tmp"/*.nsmap | head -n1)" "$out/env.nsmap"
  exit 0
fi
wsdl2h -c++11 -k -x -L -O4 -t "$typemap" -o "$tmp/$name.h" "$@" >"$tmp/wsdl2h.log" 2>&1 \
  || { cat "$tmp/wsdl2h.log"; exit 1; }
sed -i 's|^#import "wsa5.h".*|#import "wsa_to.h"|' "$tmp/$name.h"
cp "$gsoapdir/wsa_to.h" "$tmp/"
soapcpp2 -c++11 -1 -C -x -w -L -q"$name" -I"$tmp" -d "$tmp" "$tmp/$name.h" >"$tmp/soapcpp2.log" 2>&1 \
  || { cat "$tmp/soapcpp2.log"; exit 1; }
if grep -q -i 'warning' "$tmp/soapcpp2.log"; then grep -i -A2 'warning' "$tmp/soapcpp2.log" >&2; fi
cp "$tmp/$name.h" "$tmp/${name}C.cpp" "$tmp/${name}H.h" "$tmp/${name}Stub.h" "$out/"
cp "$(ls "$tmp"/*.nsmap | head -n1)" "$out/$name.nsmap"
