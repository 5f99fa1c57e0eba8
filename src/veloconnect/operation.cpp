#include "veloconnect/operation.hpp"

namespace og::veloconnect {

namespace {
using enum ErrorShape;
constexpr OperationInfo kOperations[] = {
    {Operation::GetProfile, "GetProfile", "GetProfileRequest", "vcp:GetProfileResponse", Profile},
    {Operation::GetItemDetails, "GetItemDetails", "GetItemDetailsRequest", "vco:GetItemDetailsResponse", Content},
    {Operation::GetItemDetailsList, "GetItemDetailsList", "GetItemDetailsListRequest", "vco:GetItemDetailsListResponse",
     Content},
    {Operation::CreateOrder, "CreateOrder", "CreateOrderRequest", "vco:OrderResponse", Transaction},
    {Operation::UpdateOrder, "UpdateOrder", "UpdateOrderRequest", "vco:OrderResponse", Transaction},
    {Operation::ViewOrder, "ViewOrder", "ViewOrderRequest", "vco:OrderResponse", Transaction},
    {Operation::FinishOrder, "FinishOrder", "FinishOrderRequest", "vco:FinalOrderResponse", FinalOrder},
    {Operation::CreateTextSearch, "CreateTextSearch", "CreateTextSearchRequest", "vcc:CreateTextSearchResponse",
     TextSearch},
    {Operation::SearchResult, "SearchResult", "SearchResultRequest", "vcc:SearchResultResponse", SearchPage},
    {Operation::GetStatus, "GetStatus", "GetStatusRequest", "vct:GetStatusResponse", Envelope},
    {Operation::Rollback, "Rollback", "RollbackRequest", "vct:RollbackResponse", Transaction},
    {Operation::GetClassificationScheme, "GetClassificationScheme", "GetClassificationSchemeRequest",
     "vcc:GetClassificationSchemeResponse", Content},
    // Stock transmissions carry many lines: XML-POST and SOAP only.
    {Operation::StockTransmitB2B, "StockTransmitB2B", "StockTransmitB2BRequest", "vsb:StockTransmitB2BResponse",
     Transaction, false},
    {Operation::GetItemStatusStockTransmitB2B, "GetItemStatusStockTransmitB2B", "GetItemStatusStockTransmitB2BRequest",
     "vsb:GetItemStatusStockTransmitB2BResponse", StockPage, false},
    {Operation::StockTransmitB2C, "StockTransmitB2C", "StockTransmitB2CRequest", "vsc:StockTransmitB2CResponse",
     Transaction, false},
    {Operation::GetItemStatusStockTransmitB2C, "GetItemStatusStockTransmitB2C", "GetItemStatusStockTransmitB2CRequest",
     "vsc:GetItemStatusStockTransmitB2CResponse", StockPage, false},
    // Sale transmissions too.
    {Operation::SaleTransmitB2B, "SaleTransmitB2B", "SaleTransmitB2BRequest", "vlb:SaleTransmitB2BResponse",
     Transaction, false},
    {Operation::GetStatusSaleTransmitB2B, "GetStatusSaleTransmitB2B", "GetStatusSaleTransmitB2BRequest",
     "vlb:GetStatusSaleTransmitB2BResponse", StockPage, false},
    {Operation::SaleTransmitB2X, "SaleTransmitB2X", "SaleTransmitB2XRequest", "vlx:SaleTransmitB2XResponse",
     Transaction, false},
    {Operation::GetStatusSaleTransmitB2X, "GetStatusSaleTransmitB2X", "GetStatusSaleTransmitB2XRequest",
     "vlx:GetStatusSaleTransmitB2XResponse", StockPage, false},
    // receipt-1.3: every answer is a ResponseType whose content is optional.
    {Operation::OfferQuery, "OfferQuery", "OfferQueryRequest", "vcr:OfferQueryResponse", Envelope},
    {Operation::OfferDetails, "OfferDetails", "OfferDetailsRequest", "vcr:OfferDetailsResponse", Envelope},
    {Operation::OrderConfirmationQuery, "OrderConfirmationQuery", "OrderConfirmationQueryRequest",
     "vcr:OrderConfirmationQueryResponse", Envelope},
    {Operation::OrderConfirmationDetails, "OrderConfirmationDetails", "OrderConfirmationDetailsRequest",
     "vcr:OrderConfirmationDetailsResponse", Envelope},
    {Operation::DeliveryNoteQuery, "DeliveryNoteQuery", "DeliveryNoteQueryRequest", "vcr:DeliveryNoteQueryResponse",
     Envelope},
    {Operation::DeliveryNoteDetails, "DeliveryNoteDetails", "DeliveryNoteDetailsRequest",
     "vcr:DeliveryNoteDetailsResponse", Envelope},
    {Operation::InvoiceInformationQuery, "InvoiceInformationQuery", "InvoiceInformationQueryRequest",
     "vcr:InvoiceInformationQueryResponse", Envelope},
    {Operation::InvoiceInformationDetails, "InvoiceInformationDetails", "InvoiceInformationDetailsRequest",
     "vcr:InvoiceInformationDetailsResponse", Envelope},
};

}  // namespace

const OperationInfo* find_operation(std::string_view request_root) {
  for (const auto& op : kOperations)
    if (op.request == request_root) return &op;
  return nullptr;
}

const OperationInfo& info(Operation operation) {
  return kOperations[static_cast<int>(operation)];
}

bool is_receipt_query(Operation o) {
  return o == Operation::OfferQuery || o == Operation::OrderConfirmationQuery || o == Operation::DeliveryNoteQuery ||
         o == Operation::InvoiceInformationQuery;
}

bool is_receipt_details(Operation o) {
  return o == Operation::OfferDetails || o == Operation::OrderConfirmationDetails ||
         o == Operation::DeliveryNoteDetails || o == Operation::InvoiceInformationDetails;
}

}  // namespace og::veloconnect
