#include "core/catalog/demo_data.hpp"

#include "core/auth/password.hpp"

namespace og::core {

namespace {

using rules::Decimal;

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

model::Item item(const char* id, const char* description, const char* unit, const char* price, const char* rrp,
                 const char* stock) {
  model::Item r;
  r.id = id;
  r.description = description;
  r.order_unit = unit;
  r.base_unit = unit;
  r.price = dec(price);
  r.currency = "EUR";
  r.recommended_retail_price = dec(rrp);
  r.stock = dec(stock);
  return r;
}

void buyer(store::UnitOfWork& uow, const char* id, const char* name, const char* password) {
  model::Buyer b;
  b.id = id;
  b.name = name;
  b.password_salt = random_bytes(16);
  b.password_iterations = kPasswordIterations;
  b.password_hash = hash_password(password, b.password_salt, b.password_iterations);
  uow.catalog().put_buyer(b);
}

}  // namespace

void load_demo_data(store::UnitOfWork& uow, const Clock& clock) {
  buyer(uow, "B127645", "Demo dealer 1", "secret");
  buyer(uow, "B200001", "Demo dealer 2", "secret2");

  auto brake = item("52090311600", "Brake cable 1.5 x 2000 mm", "EA", "2.95", "5.99", "500");
  brake.ean = "4012345678901";
  brake.groups = {{kDemoClassificationScheme, "1010"}};
  uow.catalog().put_item(brake);

  auto shift = item("52090311100", "Shift cable 1.1 x 2100 mm, pack of 100", "PK", "49.00", "99.00", "20");
  shift.base_unit = "EA";
  shift.base_per_order_unit = Decimal::from_int(100);
  shift.groups = {{kDemoClassificationScheme, "2010"}};
  uow.catalog().put_item(shift);

  auto chain = item("200200456", "Chain 11-speed 118 links", "EA", "29.90", "49.95", "0");
  chain.next_delivery = clock.today().plus_days(14).to_string();
  chain.groups = {{kDemoClassificationScheme, "2020"}};
  uow.catalog().put_item(chain);

  auto tube = item("200300156", "Inner tube 28 inch", "EA", "4.50", "8.95", "3");
  tube.groups = {{kDemoClassificationScheme, "3010"}};
  uow.catalog().put_item(tube);
  auto tyre = item("200600221", "Tyre 28-622", "EA", "19.95", "34.90", "40");
  tyre.groups = {{kDemoClassificationScheme, "3020"}};
  uow.catalog().put_item(tyre);

  // 100000001 is obsolete: only its replacement is sold.
  uow.catalog().put_replacement("100000001", "200300156", 1);

  // A small classification scheme covering every demo item (GetClassificationScheme).
  struct Group {
    const char* id;
    const char* parent;
    const char* description;
  };
  for (const auto& g :
       {Group{"10", nullptr, "Brakes"}, Group{"1010", "10", "Brake cables"}, Group{"20", nullptr, "Drivetrain"},
        Group{"2010", "20", "Shift cables"}, Group{"2020", "20", "Chains"}, Group{"30", nullptr, "Wheels and tyres"},
        Group{"3010", "30", "Inner tubes"}, Group{"3020", "30", "Tyres"}}) {
    model::ClassificationGroup group{kDemoClassificationScheme, g.id, std::nullopt, g.description};
    if (g.parent) group.parent_id = g.parent;
    uow.catalog().put_classification_group(group);
  }
  load_receipt_demo_data(uow, clock);
}

void load_receipt_demo_data(store::UnitOfWork& uow, const Clock& clock) {
  auto line = [](const char* line_id, const char* item, const char* description, const char* quantity,
                 const char* price, const char* line_price) {
    model::ReceiptLine l;
    l.line_id = line_id;
    l.order = model::LineReference{"ERP-4711", std::string(line_id)};
    l.item_id = item;
    l.description = description;
    l.quantity = dec(quantity);
    l.unit = "EA";
    l.unit_price = dec(price);
    l.line_price = dec(line_price);
    l.currency = "EUR";
    return l;
  };
  model::ReceiptDocument note;
  note.kind = model::ReceiptKind::DeliveryNote;
  note.id = "DN-1001";
  note.buyer_id = "B127645";
  note.issue_date = clock.today().plus_days(-5).to_string();
  note.description = "Delivery of phone order ERP-4711";
  note.tracking_urls = {"https://tracking.example.com/parcel/DN-1001"};
  note.currency = "EUR";
  note.lines = {line("1", "52090311600", "Brake cable 1.5 x 2000 mm", "10", "2.95", "29.50"),
                line("2", "200600221", "Tyre 28-622", "2", "19.95", "39.90")};
  note.lines[0].delivery_date = note.lines[1].delivery_date = note.issue_date;
  uow.receipts("").put_receipt(note);

  model::ReceiptDocument invoice;
  invoice.kind = model::ReceiptKind::Invoice;
  invoice.id = "INV-2001";
  invoice.buyer_id = "B127645";
  invoice.issue_date = clock.today().plus_days(-3).to_string();
  invoice.description = "Invoice for delivery DN-1001";
  invoice.url = "https://invoices.example.com/INV-2001.pdf";
  invoice.currency = "EUR";
  invoice.net_sum = dec("69.40");
  invoice.vat = {{dec("19"), dec("69.40"), dec("13.19")}};
  invoice.gross_sum = dec("82.59");
  invoice.lines = note.lines;
  for (auto& l : invoice.lines) l.delivery_note = model::LineReference{"DN-1001", l.line_id};
  uow.receipts("").put_receipt(invoice);
}

}  // namespace og::core
