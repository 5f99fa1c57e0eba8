// Core results as gSOAP wire objects (allocated in the codec's context, freed
// with it at the next message).
#pragma once
#include <optional>
#include <string>

#include "core/catalog/catalog.hpp"
#include "core/veloconnect/order_transactions.hpp"
#include "model/receipt.hpp"
#include "rules/veloconnect/receipts.hpp"
#include "veloH.h"

namespace og::veloconnect::wire {

std::string* text(soap* s, std::string value);
bool* flag(soap* s, bool value);
int* number(soap* s, int value);

velo::cac__ItemIdentificationType* identification(soap* s, const std::string& id, const char* scheme = nullptr);
velo::cbc__QuantityType* quantity(soap* s, rules::Decimal value, const std::string& unit);
velo::cac__PriceType* price(soap* s, rules::Decimal amount, const std::string& currency,
                            const std::optional<std::string>& per_unit);
// A party known by its name alone (a manufacturer as IssuerParty).
velo::cac__PartyType* party(soap* s, const std::string& name);
velo::cac__ItemType* item(soap* s, const model::Item& item, const std::optional<std::string>& buyers_item_id);
velo::vco__AvailabilityType* availability(soap* s, const rules::veloconnect::AvailabilityDecision& decision,
                                          const std::string& unit);
velo::_vco__OrderResponseLine* order_line(soap* s, const core::veloconnect::LineView& line);
velo::_vco__RequestReplacement* replacement(soap* s, const std::string& item_id,
                                            const std::vector<std::string>& replacements);
velo::_vco__ItemUnknown* unknown(soap* s, const std::string& item_id);

// The receipt module.
velo::vcr__DateRangeType* date_range(soap* s, const rules::veloconnect::DateWindow& window);
velo::cbc__PriceAmountType* price_amount(soap* s, rules::Decimal amount, const std::string& currency);
velo::_vcr__LineItem* line_item(soap* s, const model::ReceiptLine& line);
velo::_vcr__OrderConfirmation* order_confirmation(soap* s, const model::ReceiptDocument& d);
velo::_vcr__DeliveryNote* delivery_note(soap* s, const model::ReceiptDocument& d);
velo::_vcr__Invoice* invoice(soap* s, const model::ReceiptDocument& d);

}  // namespace og::veloconnect::wire
