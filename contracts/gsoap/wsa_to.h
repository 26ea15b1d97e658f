// SPDX-License-Identifier: GPL-2.0-or-later
// gSOAP interface for the one WS-Addressing element RIVTA BP 2.0 uses: the
// logical address in <wsa:To>. wsdl2h would otherwise #import gSOAP's full
// wsa5.h, which marks To as mustUnderstand and drags in every WS-A header.
//gsoap wsa5 schema namespace: http://www.w3.org/2005/08/addressing
//gsoap wsa5 schema elementForm: qualified
typedef std::string _wsa5__To;
