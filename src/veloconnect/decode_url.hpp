// URL binding: form parameters (GET query or POST body) into a Request.
#pragma once
#include "message/url_form.hpp"
#include "veloconnect/request.hpp"

namespace og::veloconnect {

DecodeResult decode_url(const message::UrlForm& form);

}  // namespace og::veloconnect
