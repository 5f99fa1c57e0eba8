// UN/ECE Recommendation 20 unit codes that procurement documents use.
#pragma once
#include <string_view>

namespace og::rules::srm {

bool is_rec20_unit(std::string_view code);

}  // namespace og::rules::srm
