// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/vp_error.hpp"

#include "hub/core/hsa_id.hpp"
#include "hub/core/xml_escape.hpp"

namespace tidnav::core {
namespace {

using enum soap_fault_code;

// Texts are wire facts: the Swedish messages and the English detail templates
// are byte-for-byte those of the national platform (UTF-8 here).
constexpr std::array<vp_error_info, vp_code_count> table{{
    {vp_code::vp001, "VP001", client,
     "Rivta-version saknas i anrop eller stöds ej av tjänsteplattformen.",
     "No RIV version configured", 500, "vp001_riv_version_missing"},
    {vp_code::vp002, "VP002", client,
     "Fel i klientcertifikat. Saknas, är av felaktig typ, eller är felaktigt utformad.",
     "No sender ID (SERIALNUMBER) found in certificate. %s", 500, "vp002_sender_id_missing"},
    {vp_code::vp003, "VP003", client,
     "Logisk adressat (ReceiverId) saknas i RivHeadern i inkommande meddelande.",
     "No receiverId (logical address) found in message header. %s", 500,
     "vp003_logical_address_missing"},
    {vp_code::vp004, "VP004", client,
     "Det finns inget vägval i tjänsteadresseringskatalogen som matchar anropets logiska adressat "
     "(ReceiverId) och tjänstekontrakt. Kontrollera uppgifterna i anropet och vid behov, beställ "
     "konfigurering i aktuell tjänsteplattform.",
     "No receiverId (logical address) found for %s", 500, "vp004_no_route"},
    {vp_code::vp005, "VP005", client,
     "Tjänsteproducenten stödjer inte anropets angivna rivta-version. Kontrollera uppgifterna.",
     "No receiverId (logical address) with matching Riv-version found for %s", 500,
     "vp005_riv_version_unsupported"},
    {vp_code::vp006, "VP006", server,
     "Internt fel i tjänsteplattformen. Det finns fler än en tjänsteproducent definierad i "
     "tjänsteadresseringskatalogen som matchar logisk adressat (ReceiverId), tjänstekontrakt och "
     "dagens datum. Tyder på felkonfiguration. Rapportera felet till tjänsteplattformsförvaltningen.",
     "More than one receiverId (logical address) with matching Riv-version found for %s", 500,
     "vp006_multiple_routes"},
    {vp_code::vp007, "VP007", server,
     "Tjänstekonsumenten saknar behörighet att anropa den logiska adressaten via detta "
     "tjänstekontrakt. Kontrollera uppgifterna och vid behov, tillse att det beställs konfiguration "
     "i aktuell tjänsteplattform.",
     "Authorization missing for %s", 500, "vp007_not_authorized"},
    {vp_code::vp008, "VP008", server,
     "Internt fel i tjänsteplattformen. Ingen kontakt med tjänsteadresseringskatalogen. Informera "
     "tjänsteplattformsförvaltningen.",
     "No contact with TAK at startup, and no local cache to fallback on, not possible to route call",
     500, "vp008_tak_unavailable"},
    {vp_code::vp009, "VP009", server, "Fel vid kontakt med tjänsteproducenten.",
     "Error connecting to service producer at address %s", 500, "vp009_producer_error"},
    {vp_code::vp010, "VP010", server,
     "Internt fel i tjänsteplattformen. URL saknas för tjänsteproducenten i tjänsteplattformens "
     "tjänsteadresseringskatalog.",
     "Physical Address field is empty in Service Producer for %s", 500, "vp010_producer_url_missing"},
    {vp_code::vp011, "VP011", client,
     "Anrop har gjorts utanför TLS vilket ej är tillåtet. Tjänstekonsumenten ska alltid använda TLS "
     "för säker kommunikation.",
     "Caller was not on the white list of accepted IP-addresses. %s", 500, "vp011_caller_not_allowed"},
    {vp_code::vp012, "VP012", server,
     "Internt fel i tjänsteplattformen. Nödvändiga resurser saknas för att VP skall fungera.",
     "Server problem, VP does not have all necessary resources to operate. %s", 500,
     "vp012_transform_failed"},
    {vp_code::vp013, "VP013", client,
     "Enligt tjänsteplattformens konfiguration saknar tjänstekonsumenten rätt att använda headern "
     "x-rivta-original-serviceconsumer-hsaid. Kontakta tjänsteplattformsförvaltningen.",
     "Sender is not approved to set header x-rivta-original-serviceconsumer-hsaid.", 500,
     "vp013_original_consumer_not_allowed"},
    {vp_code::vp014, "VP014", server,
     "Anropsförmedlingen för den logiska adressaten har givit upphov till rundgång mellan "
     "tjänsteplattformar. Rapportera felet till tjänsteplattformsförvaltningen.",
     "", 500, "vp014_routing_loop"},
    {vp_code::vp015, "VP015", client,
     "Anrop ej korrekt utformat och kan därför inte behandlas.",
     "The request could not be read properly. %s", 500, "vp015_malformed_request"},
}};

constexpr bool table_in_code_order() {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].code) != i + 1) return false;
  }
  return true;
}
static_assert(table_in_code_order(), "info() indexes the table by code");

}  // namespace

const vp_error_info& info(vp_code code) noexcept {
  return table[static_cast<std::size_t>(code) - 1];
}

const std::array<vp_error_info, vp_code_count>& all_vp_errors() noexcept { return table; }

bool parse_vp_code(std::string_view text, vp_code& out) noexcept {
  for (const auto& e : table) {
    if (iequals(text, e.name)) {
      out = e.code;
      return true;
    }
  }
  return false;
}

std::string format_detail(vp_code code, std::string_view argument) {
  const std::string_view tmpl = info(code).detail_template;
  const auto pos = tmpl.find("%s");
  if (pos == std::string_view::npos) return std::string(tmpl);
  std::string out;
  out.reserve(tmpl.size() + argument.size());
  out.append(tmpl.substr(0, pos)).append(argument).append(tmpl.substr(pos + 2));
  return out;
}

vp_fault make_fault(vp_code code, std::string_view argument) {
  return vp_fault{code, format_detail(code, argument)};
}

std::string fault_string(vp_code code, std::string_view instance_name) {
  const auto& e = info(code);
  std::string out;
  out.reserve(e.name.size() + instance_name.size() + e.message.size() + 4);
  out.append(e.name).append(" [").append(instance_name).append("] ").append(e.message);
  return out;
}

std::string_view fault_code_qname(soap_fault_code code) noexcept {
  return code == soap_fault_code::client ? "SOAP-ENV:Client" : "SOAP-ENV:Server";
}

std::string render_soap_fault(const vp_fault& fault, std::string_view instance_name) {
  const auto& e = info(fault.code);
  std::string out;
  out.reserve(400 + e.message.size() + instance_name.size() + fault.detail.size());
  out += R"(<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">)"
         "<SOAP-ENV:Header/><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>";
  out += fault_code_qname(e.fault_code);
  out += "</faultcode><faultstring>";
  append_xml_text(out, fault_string(fault.code, instance_name));
  out += "</faultstring><detail><detailString>";
  append_xml_text(out, fault.detail);
  out += "</detailString></detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
  return out;
}

}  // namespace tidnav::core
