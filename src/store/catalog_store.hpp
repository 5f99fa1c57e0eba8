// The catalogue's persistence: buyers, items, replacements, the text index.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.hpp"

namespace og::store {

// One row of a stock or price import (update_stocks, update_prices).
struct StockChange {
  std::string item_id;
  rules::Decimal stock;
  std::optional<std::string> next_delivery;
};
struct PriceChange {
  std::string item_id;
  rules::Decimal price;
  std::optional<rules::Decimal> recommended_retail_price;  // none: the item keeps its own
};

// The sellers ordergate serves.
class SellerReader {
 public:
  virtual ~SellerReader() = default;
  virtual std::optional<model::Seller> seller(std::string_view id) = 0;
  virtual std::vector<model::Seller> sellers() = 0;
};

class SellerWriter : public SellerReader {
 public:
  virtual void put_seller(const model::Seller& seller) = 0;
};

// One seller's catalogue and buyers (ReadView::catalog(seller)).
class CatalogReader {
 public:
  virtual ~CatalogReader() = default;
  virtual std::optional<model::Buyer> buyer(std::string_view id) = 0;
  virtual std::optional<model::Item> item(std::string_view id) = 0;
  virtual std::vector<std::string> replacements(std::string_view item_id) = 0;
  // Items whose number or description contains every term (case-insensitive).
  virtual std::int64_t count_items_matching(const std::vector<std::string>& terms) = 0;
  virtual std::vector<model::Item> items_matching(const std::vector<std::string>& terms, std::int64_t offset,
                                                  std::int64_t limit) = 0;
  // Every group of every classification scheme, by scheme, in the order put.
  virtual std::vector<model::ClassificationGroup> classification() = 0;
};

class CatalogWriter : public CatalogReader {
 public:
  virtual void put_buyer(const model::Buyer& buyer) = 0;
  virtual void put_item(const model::Item& item) = 0;
  // Many items at once: `next` fills in one item and returns true, until it
  // returns false. Cheaper per item than put_item: new items enter the search
  // index together at the end, in the same transaction.
  virtual void put_items(const std::function<bool(model::Item&)>& next) = 0;
  virtual void put_replacement(std::string_view item_id, std::string_view replacement_id, int position) = 0;
  // Adds (or replaces) a group of a classification scheme.
  virtual void put_classification_group(const model::ClassificationGroup& group) = 0;
  // Removes a buyer; true if there was one.
  virtual bool remove_buyer(std::string_view id) = 0;
  // Stock and prices of a known item change without touching anything else
  // (nor the text index); false if there is no such item.
  virtual bool update_stock(std::string_view item_id, const rules::Decimal& stock,
                            const std::optional<std::string>& next_delivery) = 0;
  virtual bool update_price(std::string_view item_id, const rules::Decimal& price,
                            const std::optional<rules::Decimal>& recommended_retail_price) = 0;
  // Many at once, in order, as update_stock/update_price one by one would:
  // how many rows named an item of the seller (the others change nothing).
  virtual std::int64_t update_stocks(const std::vector<StockChange>& changes) = 0;
  virtual std::int64_t update_prices(const std::vector<PriceChange>& changes) = 0;
  virtual std::int64_t count_items() = 0;
};

}  // namespace og::store
