#include "rules/eproc/batch_validation.hpp"

#include <map>
#include <optional>
#include <utility>

#include "rules/eproc/quantity.hpp"
#include "rules/eproc/text.hpp"

namespace og::rules::eproc {

namespace {

enum class Purpose { Availability, Order };

struct CheckedLine {
  Product product;
  Decimal quantity;
  std::string provider;  // trimmed; empty: none named
  std::vector<std::string> providers;
};

Problem problem(FaultReason reason, std::string text) {
  return Problem{reason, std::move(text)};
}

std::variant<CheckedLine, Problem> check_line(const RequestLine& line, Purpose purpose, const ClientAccess& client,
                                              const ProviderDirectory& directory, const Limits& limits) {
  auto described = describe_product(line.description, limits);
  if (auto* p = std::get_if<Problem>(&described)) return std::move(*p);
  Product product = std::get<Product>(std::move(described));

  auto quantity = check_quantity(line.quantity, limits);
  if (auto* p = std::get_if<Problem>(&quantity)) return std::move(*p);

  std::string provider(text::trim(line.provider));
  std::vector<std::string> providers;
  if (!provider.empty()) {
    const ProviderProfile* profile = find_provider(directory, provider);
    if (!profile) return problem(FaultReason::UnknownProvider, "there is no provider " + text::quoted(provider));
    if (client.providers.count(provider) == 0)
      return problem(FaultReason::NoAccess, "this client has no access to the provider " + text::quoted(provider));
    if (!understands(*profile, product.kind))
      return problem(FaultReason::DescriptionNotUnderstood, "the provider " + text::quoted(provider) +
                                                                " does not understand products described by " +
                                                                std::string(to_string_view(product.kind)));
    providers.push_back(provider);
  } else if (purpose == Purpose::Order) {
    return problem(FaultReason::ProviderRequired, "an order line names the provider it is for");
  } else if (product.kind == DescriptionKind::ProviderReference) {
    return problem(FaultReason::ProviderRequired, "a provider's own reference needs that provider to be named");
  } else {
    providers = relevant_providers(product.kind, client, directory);
    if (providers.empty())
      return problem(FaultReason::NoRelevantProvider,
                     "none of this client's providers understands products "
                     "described by " +
                         std::string(to_string_view(product.kind)));
  }
  return CheckedLine{std::move(product), std::get<Decimal>(quantity), std::move(provider), std::move(providers)};
}

Fault at_line(std::size_t index, Problem p) {
  return Fault{index, p.reason, std::move(p.text)};
}

// The batch's own faults: empty, or too many lines to look at.
std::optional<Fault> check_size(std::size_t count, const Limits& limits) {
  if (count == 0) return Fault{std::nullopt, FaultReason::EmptyBatch, "the batch has no line"};
  if (count > limits.max_lines)
    return Fault{std::nullopt, FaultReason::TooManyLines,
                 "the batch has " + std::to_string(count) + " lines, at most " + std::to_string(limits.max_lines) +
                     " are accepted"};
  return std::nullopt;
}

std::optional<Fault> check_client_reference(std::string_view reference, const Limits& limits) {
  if (reference.size() > limits.max_text_length)
    return Fault{std::nullopt, FaultReason::BadClientReference,
                 "the order reference has " + std::to_string(reference.size()) + " characters, at most " +
                     std::to_string(limits.max_text_length) + " are accepted"};
  for (char c : reference)
    if (text::is_control(c))
      return Fault{std::nullopt, FaultReason::BadClientReference, "the order reference has a control character"};
  return std::nullopt;
}

}  // namespace

std::variant<ValidAvailability, Refusal> validate_availability(std::span<const RequestLine> lines,
                                                               const ClientAccess& client,
                                                               const ProviderDirectory& directory,
                                                               const Limits& limits) {
  if (auto fault = check_size(lines.size(), limits)) return Refusal{{std::move(*fault)}};
  Refusal refusal;
  ValidAvailability valid;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto checked = check_line(lines[i], Purpose::Availability, client, directory, limits);
    if (auto* p = std::get_if<Problem>(&checked)) {
      refusal.faults.push_back(at_line(i, std::move(*p)));
      continue;
    }
    auto& c = std::get<CheckedLine>(checked);
    valid.lines.push_back(
        AvailabilityLine{i, std::move(c.product), c.quantity, !c.provider.empty(), std::move(c.providers)});
  }
  if (!refusal.faults.empty()) return refusal;
  return valid;
}

std::variant<ValidOrder, Refusal> validate_order(const OrderRequest& order, const ClientAccess& client,
                                                 const ProviderDirectory& directory, const Limits& limits) {
  Refusal refusal;
  std::string reference(text::trim(order.client_reference));
  if (auto fault = check_client_reference(reference, limits)) refusal.faults.push_back(std::move(*fault));
  if (auto fault = check_size(order.lines.size(), limits)) {
    refusal.faults.push_back(std::move(*fault));
    return refusal;
  }
  ValidOrder valid{reference, {}};
  // (provider, match key) -> the first line with it. Every line that names a
  // provider and describes a product counts, even one faulty for another
  // reason, so its repetitions are reported in the same answer.
  std::map<std::pair<std::string, std::string>, std::size_t> first_line;
  for (std::size_t i = 0; i < order.lines.size(); ++i) {
    const RequestLine& line = order.lines[i];
    std::optional<std::size_t> repeats;
    std::string provider(text::trim(line.provider));
    if (!provider.empty()) {
      auto described = describe_product(line.description, limits);
      if (auto* product = std::get_if<Product>(&described)) {
        auto [it, inserted] = first_line.try_emplace({provider, match_key(*product)}, i);
        if (!inserted) repeats = it->second;
      }
    }
    auto checked = check_line(line, Purpose::Order, client, directory, limits);
    if (auto* p = std::get_if<Problem>(&checked)) {
      refusal.faults.push_back(at_line(i, std::move(*p)));
      continue;
    }
    auto& c = std::get<CheckedLine>(checked);
    if (repeats) {
      refusal.faults.push_back(Fault{i, FaultReason::DuplicateLine,
                                     "the line repeats the line at index " + std::to_string(*repeats) +
                                         " (same provider and product); put the whole quantity on one line"});
      continue;
    }
    valid.lines.push_back(OrderLine{i, std::move(c.provider), std::move(c.product), c.quantity});
  }
  if (!refusal.faults.empty()) return refusal;
  return valid;
}

}  // namespace og::rules::eproc
