// SPDX-License-Identifier: GPL-2.0-or-later
// gSOAP interface of the shared "env" module: the one global SOAP header and
// fault that every contract family uses. Each family is generated into its own
// C++ namespace with -q and compiled with WITH_NOGLOBAL; only this module
// defines the global SOAP_ENV__* serialisers (gSOAP's multi-module recipe).
// The header types come from schemas/common via wsdl2h (common.h, generated).
#import "common.h"
#import "wsa_to.h"

mutable struct SOAP_ENV__Header
{
  itr__LogicalAddressType  *itr__LogicalAddress  0;  // RIVTA BP 2.1
  _wsa5__To                *wsa5__To             0;  // RIVTA BP 2.0
  ih__ActorType            *ih__Actor            0;  // crm:scheduling 1.1 requests
  ih__ProcessingStatusType *ih__ProcessingStatus 0;  // aggregated responses
};
