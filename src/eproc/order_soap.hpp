// An order as the SOAP binding shows it. order_soap() is a whole SOAP 1.1
// envelope with an OrderNotification: what a client's callback receives
// (callback_binding "soap"); write_order() writes the Order element into the
// answers of PlaceOrder and ReadOrder. Valid against xsd/eprocurement.xsd.
#pragma once
#include <string>

#include "eproc/xml_writer.hpp"
#include "model/eproc.hpp"

namespace og::eproc {

std::string order_soap(const model::HubOrder& order);

void write_order(XmlWriter& out, const model::HubOrder& order);

}  // namespace og::eproc
