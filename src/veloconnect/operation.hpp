// The Veloconnect operations ordergate serves, and how each is named on the wire.
#pragma once
#include <string_view>

namespace og::veloconnect {

enum class Operation {
  GetProfile,
  GetItemDetails,
  GetItemDetailsList,
  CreateOrder,
  UpdateOrder,
  ViewOrder,
  FinishOrder,
  CreateTextSearch,
  SearchResult,
  GetStatus,
  Rollback,
  GetClassificationScheme,
  StockTransmitB2B,
  GetItemStatusStockTransmitB2B,
  StockTransmitB2C,
  GetItemStatusStockTransmitB2C,
  SaleTransmitB2B,
  GetStatusSaleTransmitB2B,
  SaleTransmitB2X,
  GetStatusSaleTransmitB2X,
  // The receipt module (receipt-1.3).
  OfferQuery,
  OfferDetails,
  OrderConfirmationQuery,
  OrderConfirmationDetails,
  DeliveryNoteQuery,
  DeliveryNoteDetails,
  InvoiceInformationQuery,
  InvoiceInformationDetails,
};

// Whether `operation` is a receipt Query or Details.
bool is_receipt_query(Operation operation);
bool is_receipt_details(Operation operation);

// What an error answer in an operation's response element needs beyond the
// envelope (BuyersID, ResponseCode, ResponseMessage) to be valid against the
// official XSDs.
enum class ErrorShape {
  Envelope,     // ResponseType: nothing more
  Transaction,  // TransactionResponseType: TransactionID and StatusCode
  TextSearch,   // CreateTextSearchResponse: those and a TotalCount (0: the answer holds nothing)
  SearchPage,   // SearchResultResponse: those and StartIndex, Count, TotalCount 0, ResultFormat COUNT
  FinalOrder,   // FinalOrderResponse: those and an OrderHeader (the order's, else no OrderID, issued today)
  StockPage,    // GetItemStatusStockTransmitB2B/B2C, GetStatusSaleTransmitB2B/B2XResponse: those and StartIndex,
                //   Count, TotalCount 0
  Profile,      // GetProfileResponse: a VeloconnectProfile (an empty one says nothing)
  Content,      // success content (an Item, ClassificationScheme, ...): no error answer can be valid
};

struct OperationInfo {
  Operation operation;
  std::string_view name;          // "GetItemDetails" (log, profile)
  std::string_view request;       // root element of the request
  std::string_view response_tag;  // qualified root element of the answer
  ErrorShape error_shape;
  bool url_binding = true;  // false: answered 404 in the URL binding
};

const OperationInfo* find_operation(std::string_view request_root);
const OperationInfo& info(Operation operation);

}  // namespace og::veloconnect
