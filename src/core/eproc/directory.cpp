#include "core/eproc/directory.hpp"

#include <cstdio>
#include <ctime>

#include "rules/eproc/description.hpp"

namespace og::core::eproc {

namespace re = rules::eproc;

Directory make_directory(std::vector<model::HubProvider> providers) {
  Directory d;
  for (auto& p : providers) {
    re::ProviderProfile profile;
    profile.id = p.id;
    for (const auto& word : p.understands)
      if (auto kind = re::description_kind_from_string(word)) profile.understands.insert(*kind);
    d.profiles.push_back(std::move(profile));
    std::string id = p.id;
    d.providers.emplace(std::move(id), std::move(p));
  }
  return d;
}

re::ClientAccess access_of(const model::HubClient& client) {
  return re::ClientAccess{client.id, client.providers};
}

model::HubOrderLine stored_line(const re::OrderLine& line) {
  model::HubOrderLine out;
  out.index = static_cast<std::int64_t>(line.index);
  out.provider = line.provider;
  out.kind = std::string(re::to_string_view(line.product.kind));
  if (line.product.kind == re::DescriptionKind::Ean)
    out.ean = line.product.reference;
  else
    out.reference = line.product.reference;
  out.brand = line.product.brand;
  out.quantity = line.quantity.to_string();
  return out;
}

re::Product product_of(const model::HubOrderLine& line) {
  re::Product p;
  p.kind = re::description_kind_from_string(line.kind).value_or(re::DescriptionKind::ProviderReference);
  p.brand = line.brand;
  p.reference = p.kind == re::DescriptionKind::Ean ? line.ean : line.reference;
  return p;
}

std::string iso_ms(re::Instant t) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  auto ms = (t - seconds).count();
  std::time_t tt = std::chrono::system_clock::to_time_t(seconds);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

re::Instant parse_iso_ms(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d", &y, &mo, &d, &h, &mi, &s, &ms) < 6) return re::Instant{};
  auto day = std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(static_cast<unsigned>(mo)) /
                                   std::chrono::day(static_cast<unsigned>(d)));
  return std::chrono::time_point_cast<std::chrono::milliseconds>(day) + std::chrono::hours(h) +
         std::chrono::minutes(mi) + std::chrono::seconds(s) + std::chrono::milliseconds(ms);
}

re::Instant now_ms() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace og::core::eproc
