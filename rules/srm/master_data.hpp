// The SRM master data the product-definition rules compare against, handed in
// by the caller (the rules do no I/O): the logical system, product categories
// and products.
#pragma once
#include <map>
#include <string>

namespace og::rules::srm {

struct ProductCategory {
  std::string id;
  std::string product_type;  // 01 material, 02 service
};

struct Product {
  std::string id;
  std::string description;
  std::string type_code;
  std::string category_id;
  std::string unit;  // UN/ECE Rec. 20
};

struct MasterData {
  std::string logical_system;
  std::map<std::string, ProductCategory, std::less<>> categories;
  std::map<std::string, Product, std::less<>> products;

  const ProductCategory* category(std::string_view id) const {
    auto it = categories.find(id);
    return it == categories.end() ? nullptr : &it->second;
  }
  const Product* product(std::string_view id) const {
    auto it = products.find(id);
    return it == products.end() ? nullptr : &it->second;
  }
};

}  // namespace og::rules::srm
