#include "rules/srm/message.hpp"

#include <cstdio>

namespace og::rules::srm {

std::string type_id(MessageNumber number) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%03d(OGSRM)", static_cast<int>(number));
  return buffer;
}

std::string fit_note(std::string note) {
  constexpr std::size_t kMax = 200;
  if (note.size() <= kMax) return note;
  std::size_t cut = kMax - 3;
  while (cut > 0 && (static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80) --cut;
  note.resize(cut);
  return note + "...";
}

}  // namespace og::rules::srm
