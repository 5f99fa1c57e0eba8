// URL binding: form parameters (GET query or POST body) into a Request.
#pragma once
#include "message/url_form.hpp"
#include "veloconnect/request.hpp"

namespace og::veloconnect {

// A form parsed with a field limit it went over (UrlForm::truncated()) is
// refused (400) before anything else: `max_parameters` names that limit.
DecodeResult decode_url(const message::UrlForm& form, std::size_t max_parameters = 0);

}  // namespace og::veloconnect
