// node-soap peer for bench/run (BENCH_PEERS=node_soap): the project's own
// WSDL (wsdl/veloconnect.wsdl, which imports ../xsd/*.xsd) served by the npm
// package `soap`, GetItemDetails answered from an in-memory copy of
// ordergate's demo catalogue (src/core/demo_data.cpp). One process, as node-soap
// users run it. SOAP only: node-soap does not read envelope-less XML-POST bodies.
//
//   node server.js [port]     prints "node-soap listening on http://127.0.0.1:PORT/veloconnect"
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const soap = require('soap');

const wsdlPath = path.resolve(__dirname, '../../../wsdl/veloconnect.wsdl');

// Facts as text, as ordergate prints them. perPack: base units per order unit (packs only).
const catalogue = new Map([
  ['52090311600', { description: 'Brake cable 1.5 x 2000 mm', unit: 'EA', price: '2.95', rrp: '5.99', stock: 500, ean: '4012345678901' }],
  ['52090311100', { description: 'Shift cable 1.1 x 2100 mm, pack of 100', unit: 'PK', baseUnit: 'EA', perPack: '100', price: '49.00', rrp: '99.00', stock: 20 }],
  ['200200456', { description: 'Chain 11-speed 118 links', unit: 'EA', price: '29.90', rrp: '49.95', stock: 0 }],
  ['200300156', { description: 'Inner tube 28 inch', unit: 'EA', price: '4.50', rrp: '8.95', stock: 3 }],
  ['200600221', { description: 'Tyre 28-622', unit: 'EA', price: '19.95', rrp: '34.90', stock: 40 }],
]);
// Plain passwords: the peers compare, ordergate checks a cached hash.
const buyers = new Map([['B127645', 'secret'], ['B200001', 'secret2']]);

// node-soap cannot follow this schema's element refs into other namespaces
// (it puts every child of the answer in the answer's own namespace), so the
// answer names each element with its prefix and the root declares them
// (overrideRootElement below): the same shape and prefixes as ordergate's.
const NS = {
  vco: 'urn:veloconnect:order-1.1',
  vct: 'urn:veloconnect:transaction-1.0',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0',
};

const quantity = (value, unit) => ({ attributes: { quantityUnitCode: unit }, $value: value });
const price = (amount, unit) => ({
  'cbc:PriceAmount': { attributes: { amountCurrencyID: 'EUR' }, $value: amount },
  'cbc:BaseQuantity': quantity('1', unit),
});
const identification = (id) => ({ 'cac:ID': id });

function item(id, f) {
  const out = { 'cbc:Description': f.description };
  if (f.perPack) {
    out['cbc:PackQuantity'] = quantity(f.perPack, f.baseUnit);
    out['cbc:PackSizeNumeric'] = f.perPack;
  }
  out['cac:SellersItemIdentification'] = identification(id);
  if (f.ean) {
    out['cac:StandardItemIdentification'] = {
      'cac:ID': { attributes: { identificationSchemeID: 'EAN/UCC-13' }, $value: f.ean },
    };
  }
  out['cac:BasePrice'] = price(f.price, f.unit);
  out['cac:RecommendedRetailPrice'] = price(f.rrp, f.unit);
  return out;
}

function availability(f, requested) {
  if (f.stock > 0 && (requested <= 0 || f.stock >= requested)) return { 'vco:Code': 'available' };
  if (f.stock > 0) {
    return { 'vco:Code': 'partially_available', 'vco:AvailableQuantity': quantity(String(f.stock), f.unit) };
  }
  return { 'vco:Code': 'not_available' };
}

// node-soap hands a request's elements over without prefixes, text with
// attributes as { attributes, $value }, plain text as a string.
const textOf = (v) => (v && typeof v === 'object' ? v.$value : v);

function getItemDetails(rq) {
  const answer = { 'vct:BuyersID': rq.BuyersID };
  const refuse = (code, message) => ({ ...answer, 'vct:ResponseCode': code, 'vct:ResponseMessage': message });
  const password = buyers.get(rq.BuyersID);
  if (password === undefined) return refuse('420', 'unknown buyer');
  if (!rq.Credential || textOf(rq.Credential.Password) !== password) return refuse('421', 'authentication failed');
  const id = textOf(rq.SellersItemIdentification && rq.SellersItemIdentification.ID);
  const facts = catalogue.get(id);
  answer['vct:ResponseCode'] = '200';
  if (!facts) return { ...answer, 'vco:ItemUnknown': { 'cac:SellersItemIdentification': identification(id) } };
  const requested = rq.Quantity ? Number(textOf(rq.Quantity)) : 0;
  return { ...answer, 'cac:Item': item(id, facts), 'vco:Availability': availability(facts, requested) };
}

const port = Number(process.argv[2] || 0);
const server = http.createServer((req, res) => {
  res.statusCode = 404;
  res.end();
});
server.keepAliveTimeout = 75000; // Node's default of 5 s is shorter than the others'
server.listen(port, '127.0.0.1', () => {
  soap.listen(server, {
    path: '/veloconnect',
    services: { VeloconnectService: { VeloconnectSoap11Port: { GetItemDetails: getItemDetails } } },
    xml: fs.readFileSync(wsdlPath, 'utf8'),
    uri: wsdlPath, // resolves the WSDL's ../xsd/ imports
    enableChunkedEncoding: false,
    overrideRootElement: {
      namespace: 'vco',
      xmlnsAttributes: Object.entries(NS).map(([prefix, uri]) => ({ name: `xmlns:${prefix}`, value: uri })),
    },
    // Announce the port only once the WSDL and its schemas are loaded.
    callback: (err) => {
      if (err) {
        console.error(`node-soap: cannot load ${wsdlPath}: ${err.stack || err}`);
        process.exit(1);
      }
      console.log(`node-soap listening on http://127.0.0.1:${server.address().port}/veloconnect`);
    },
  });
});
