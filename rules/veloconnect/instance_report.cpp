#include "rules/veloconnect/instance_report.hpp"

namespace og::rules::veloconnect {

InstanceReport report_instance(const std::optional<KnownInstance>& known, const std::optional<std::string>& sent,
                               bool authenticated) {
  if (!authenticated) return {};
  if (known) return {known->id, known->state};
  return {sent.value_or(std::string()), kUnknownInstanceStatus};
}

}  // namespace og::rules::veloconnect
