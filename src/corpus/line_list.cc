#include <mteval/corpus.h>

namespace mteval {

LineList::LineList(std::vector<std::string> lines) {
  // The vector's elements stay where they are when the vector is moved, so
  // views of them (including short strings stored inside the element) stay
  // valid while the moved-to vector lives.
  auto owned = std::make_shared<std::vector<std::string>>(std::move(lines));
  lines_.assign(owned->begin(), owned->end());
  if (!owned->empty()) owners_.push_back(std::move(owned));
}

LineList::LineList(std::initializer_list<std::string_view> lines) {
  lines_.reserve(lines.size());
  for (std::string_view line : lines) push_back(line);
}

LineList::LineList(std::shared_ptr<const void> owner, std::vector<std::string_view> lines)
    : lines_(std::move(lines)) {
  if (owner) owners_.push_back(std::move(owner));
}

LineList LineList::WithViews(std::vector<std::string_view> views) const {
  LineList out;
  out.lines_ = std::move(views);
  out.owners_ = owners_;
  if (own_) out.owners_.push_back(own_);
  return out;
}

void LineList::push_back(std::string_view line) {
  if (!own_ || own_.use_count() > 1) {
    // Shared with a copy: earlier lines stay alive through owners_, new ones
    // go to a deque of this list's own.
    if (own_) owners_.push_back(std::move(own_));
    own_ = std::make_shared<std::deque<std::string>>();
  }
  own_->emplace_back(line);
  lines_.push_back(own_->back());
}

}  // namespace mteval
