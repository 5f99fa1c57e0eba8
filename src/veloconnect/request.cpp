#include "veloconnect/request.hpp"

namespace og::veloconnect {

std::string echoable(const std::string& value) {
  return value.size() <= kMaxIdentifier ? value : std::string();
}

std::optional<std::string> echoable(const std::optional<std::string>& value) {
  if (!value || value->size() > kMaxIdentifier) return std::nullopt;
  return value;
}

std::optional<DecodeError> overlong_value(const Request& r, const OperationInfo* operation) {
  std::string what;
  auto check = [&](const std::string& value, std::size_t limit, const char* name) {
    if (what.empty() && value.size() > limit)
      what = std::string(name) + " is longer than " + std::to_string(limit) + " bytes (a limit of this server)";
  };
  auto check_optional = [&](const std::optional<std::string>& value, const char* name) {
    if (value) check(*value, kMaxIdentifier, name);
  };
  check(r.caller.buyer_id, kMaxIdentifier, "BuyersID");
  check(r.caller.password, kMaxIdentifier, "Password");
  check_optional(r.seller_id, "SellersID");
  check_optional(r.transaction_id, "TransactionID");
  for (const auto& item : r.items) {
    check(item.item_id, kMaxIdentifier, "a SellersItemIdentification");
    check_optional(item.unit, "a quantityUnitCode");
  }
  for (const auto& line : r.lines) {
    check(line.item_id, kMaxIdentifier, "a SellersItemIdentification");
    check_optional(line.unit, "a quantityUnitCode");
    check_optional(line.buyers_item_id, "a BuyersItemIdentification");
    check_optional(line.delivery_date, "a DeliveryDate");
  }
  for (const auto& line : r.stock.lines) {
    check_optional(line.sellers_item_id, "a SellersItemIdentification");
    check_optional(line.buyers_item_id, "a BuyersItemIdentification");
    check_optional(line.ean, "a StandardItemIdentification");
    check_optional(line.manufacturer_item_id, "a ManufacturersItemIdentification");
    check_optional(line.manufacturer_name, "a manufacturer's name");
    check_optional(line.marketplace_item_id, "a MarketPlaceItemIdentification");
    check_optional(line.unit, "a quantityUnitCode");
    check_optional(line.condition, "a Condition");
  }
  check(r.stock.create_date, kMaxIdentifier, "CreateDate");
  for (const auto& line : r.sale.lines) {
    check(line.id, kMaxIdentifier, "a sale line's ID");
    check(line.sellers_item_id, kMaxIdentifier, "a SellersItemIdentification");
    check_optional(line.buyers_item_id, "a BuyersItemIdentification");
    check(line.sale_date, kMaxIdentifier, "a SaleDate");
    check_optional(line.document_number, "a DocumentNumber");
    check_optional(line.postal_code, "a PostalCode");
    for (const auto& serial : line.serial_numbers) {
      check(serial.id, kMaxIdentifier, "a SerialID");
      check(serial.kind, kMaxIdentifier, "a SerialID's kind");
      check_optional(serial.description, "a SerialID's description");
    }
  }
  check(r.sale.create_date, kMaxIdentifier, "CreateDate");
  for (const auto& line : r.sale_b2x.lines) {
    check(line.id, kMaxIdentifier, "a sale line's ID");
    check_optional(line.standard_item_id, "a StandardItemIdentification");
    if (const auto& c = line.classification)
      for (const auto* code : {&c->nature_code, &c->cargo_type_code, &c->commodity_code, &c->item_classification_code})
        if (*code) {
          check((*code)->value, kMaxIdentifier, "a classification code");
          check_optional((*code)->list_id, "a classification code's listID");
          check_optional((*code)->list_agency_id, "a classification code's listAgencyID");
        }
    check_optional(line.manufacturers_item_id, "a ManufacturersItemIdentification");
    check_optional(line.manufacturer_name, "a manufacturer's name");
    check_optional(line.buyers_item_id, "a BuyersItemIdentification");
    // A service's description is prose: bounded like a search string.
    if (line.description) check(*line.description, kMaxSearchString, "a Description");
    check_optional(line.description_language, "a Description's languageID");
    check(line.sale_date, kMaxIdentifier, "a SaleDate");
    for (const auto& q : line.quantities) {
      check(q.text, kMaxIdentifier, "a Quantity");
      check_optional(q.unit, "a quantityUnitCode");
    }
    check_optional(line.document_number, "a DocumentNumber");
    check_optional(line.postal_code, "a PostalCode");
  }
  check(r.sale_b2x.create_date, kMaxIdentifier, "CreateDate");
  check(r.search_string, kMaxSearchString, "SearchString");
  for (const auto* ids : {&r.order_ids, &r.confirmation_ids, &r.delivery_note_ids, &r.document_ids})
    for (const auto& id : *ids) check(id, kMaxIdentifier, "a document ID");
  check_optional(r.request_reference, "RequestReference");
  if (what.empty()) return std::nullopt;
  return DecodeError{rules::veloconnect::Outcome::GeneralError, std::move(what), operation, echoable(r.caller.buyer_id),
                     echoable(r.transaction_id)};
}

}  // namespace og::veloconnect
