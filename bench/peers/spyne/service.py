"""spyne peer for bench/run (BENCH_PEERS=spyne): GetItemDetails as a spyne
SOAP 1.1 service, with the element names, namespaces and prefixes of the
project's contract (wsdl/veloconnect.wsdl, xsd/), answered from an in-memory
copy of ordergate's demo catalogue (src/core/demo_data.cpp).

spyne builds its contract from Python models, not from a WSDL, so the models
below restate the parts of xsd/ that GetItemDetails uses. Requests are
validated against the schema spyne derives from them (validator='lxml', as
spyne's documentation does it). SOAP 1.1 only.

Served by gunicorn (see peer.bash): `application` is the WSGI entry point.
"""

from spyne import Application, ComplexModel, ServiceBase, Unicode, XmlAttribute, XmlData, rpc
from spyne.protocol.soap import Soap11
from spyne.server.wsgi import WsgiApplication

VCO = "urn:veloconnect:order-1.1"
VCT = "urn:veloconnect:transaction-1.0"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0"

def member(cls, ns, **kwargs):
    """An element of type `cls` in namespace `ns` (the schema's element refs)."""
    return cls.customize(sub_ns=ns, **kwargs)


# ---- cbc: and cac: (xsd/ubl-*.xsd), the parts GetItemDetails uses ----

class QuantityType(ComplexModel):
    __namespace__ = CBC
    _type_info = [("quantityUnitCode", XmlAttribute(Unicode)), ("value", XmlData(Unicode))]


class AmountType(ComplexModel):
    __namespace__ = CBC
    _type_info = [("amountCurrencyID", XmlAttribute(Unicode)), ("value", XmlData(Unicode))]


class IdentifierType(ComplexModel):
    __namespace__ = CBC
    _type_info = [("identificationSchemeID", XmlAttribute(Unicode)), ("value", XmlData(Unicode))]


class ItemIdentificationType(ComplexModel):
    __namespace__ = CAC
    _type_info = [("ID", member(IdentifierType, CAC, min_occurs=1))]


class PriceType(ComplexModel):
    __namespace__ = CAC
    _type_info = [
        ("PriceAmount", member(AmountType, CBC, min_occurs=1)),
        ("BaseQuantity", member(QuantityType, CBC)),
    ]


class ItemType(ComplexModel):
    __namespace__ = CAC
    _type_info = [
        ("Description", member(Unicode, CBC)),
        ("PackQuantity", member(QuantityType, CBC)),
        ("PackSizeNumeric", member(Unicode, CBC)),
        ("SellersItemIdentification", ItemIdentificationType),
        ("StandardItemIdentification", ItemIdentificationType),
        ("BasePrice", PriceType),
        ("RecommendedRetailPrice", PriceType),
    ]


# ---- vct: and vco: (xsd/transaction-1.0.xsd, xsd/order-1.1.xsd) ----

class CredentialType(ComplexModel):
    __namespace__ = VCT
    _type_info = [("Password", Unicode)]


class AvailabilityType(ComplexModel):
    __namespace__ = VCO
    _type_info = [("Code", Unicode(min_occurs=1)), ("AvailableQuantity", QuantityType.customize(sub_ns=VCO))]


class ItemUnknown(ComplexModel):
    __namespace__ = VCO
    _type_info = [("SellersItemIdentification", member(ItemIdentificationType, CAC, min_occurs=1))]


class GetItemDetailsRequest(ComplexModel):
    __namespace__ = VCO
    _type_info = [
        ("BuyersID", member(Unicode, VCT, min_occurs=1)),
        ("Credential", member(CredentialType, VCT, min_occurs=1)),
        ("SellersID", member(Unicode, VCT)),
        ("TransactionID", member(Unicode, VCT)),
        ("IsTest", member(Unicode, VCT)),
        ("SellersItemIdentification", member(ItemIdentificationType, CAC, min_occurs=1)),
        ("Quantity", member(QuantityType, CBC)),
    ]


class GetItemDetailsResponse(ComplexModel):
    __namespace__ = VCO
    _type_info = [
        ("BuyersID", member(Unicode, VCT, min_occurs=1)),
        ("ResponseCode", member(Unicode, VCT, min_occurs=1)),
        ("ResponseMessage", member(Unicode, VCT)),
        ("Item", member(ItemType, CAC)),
        ("Availability", AvailabilityType),
        ("ItemUnknown", ItemUnknown),
    ]


# ---- the catalogue: facts as text, as ordergate prints them ----

CATALOGUE = {
    "52090311600": dict(description="Brake cable 1.5 x 2000 mm", unit="EA", price="2.95", rrp="5.99", stock=500,
                        ean="4012345678901"),
    "52090311100": dict(description="Shift cable 1.1 x 2100 mm, pack of 100", unit="PK", base_unit="EA",
                        per_pack="100", price="49.00", rrp="99.00", stock=20),
    "200200456": dict(description="Chain 11-speed 118 links", unit="EA", price="29.90", rrp="49.95", stock=0),
    "200300156": dict(description="Inner tube 28 inch", unit="EA", price="4.50", rrp="8.95", stock=3),
    "200600221": dict(description="Tyre 28-622", unit="EA", price="19.95", rrp="34.90", stock=40),
}
# Plain passwords: the peers compare, ordergate checks a cached hash.
BUYERS = {"B127645": "secret", "B200001": "secret2"}


def price(amount, unit):
    return PriceType(PriceAmount=AmountType(amountCurrencyID="EUR", value=amount),
                     BaseQuantity=QuantityType(quantityUnitCode=unit, value="1"))


def item(item_id, f):
    out = ItemType(Description=f["description"],
                   SellersItemIdentification=ItemIdentificationType(ID=IdentifierType(value=item_id)),
                   BasePrice=price(f["price"], f["unit"]), RecommendedRetailPrice=price(f["rrp"], f["unit"]))
    if "per_pack" in f:
        out.PackQuantity = QuantityType(quantityUnitCode=f["base_unit"], value=f["per_pack"])
        out.PackSizeNumeric = f["per_pack"]
    if "ean" in f:
        out.StandardItemIdentification = ItemIdentificationType(
            ID=IdentifierType(identificationSchemeID="EAN/UCC-13", value=f["ean"]))
    return out


def availability(f, requested):
    if f["stock"] > 0 and (requested <= 0 or f["stock"] >= requested):
        return AvailabilityType(Code="available")
    if f["stock"] > 0:
        return AvailabilityType(Code="partially_available",
                                AvailableQuantity=QuantityType(quantityUnitCode=f["unit"], value=str(f["stock"])))
    return AvailabilityType(Code="not_available")


class VeloconnectService(ServiceBase):
    # Document/literal, "bare": the request element itself is the Body's child.
    @rpc(GetItemDetailsRequest, _body_style="bare", _returns=GetItemDetailsResponse,
         _in_message_name="{%s}GetItemDetailsRequest" % VCO, _out_message_name="{%s}GetItemDetailsResponse" % VCO)
    def GetItemDetails(ctx, rq):
        answer = GetItemDetailsResponse(BuyersID=rq.BuyersID)
        if rq.BuyersID not in BUYERS:
            answer.ResponseCode, answer.ResponseMessage = "420", "unknown buyer"
            return answer
        if rq.Credential is None or rq.Credential.Password != BUYERS[rq.BuyersID]:
            answer.ResponseCode, answer.ResponseMessage = "421", "authentication failed"
            return answer
        answer.ResponseCode = "200"
        item_id = rq.SellersItemIdentification.ID.value
        facts = CATALOGUE.get(item_id)
        if facts is None:
            answer.ItemUnknown = ItemUnknown(SellersItemIdentification=ItemIdentificationType(
                ID=IdentifierType(value=item_id)))
            return answer
        requested = float(rq.Quantity.value) if rq.Quantity is not None and rq.Quantity.value else 0.0
        answer.Item = item(item_id, facts)
        answer.Availability = availability(facts, requested)
        return answer


# tns: spyne files a "bare" method under the application's namespace, whatever
# _in_message_name says; the request element is in vco:.
app = Application([VeloconnectService], tns=VCO, name="Veloconnect",
                  in_protocol=Soap11(validator="soft"), out_protocol=Soap11())

# The contract's prefixes instead of the s0, s1, ... spyne makes up (vco: is
# the application's namespace, which spyne always calls tns:).
for prefix, ns in (("vct", VCT), ("cac", CAC), ("cbc", CBC)):
    del app.interface.nsmap[app.interface.get_namespace_prefix(ns)]
    app.interface.nsmap[prefix] = ns
    app.interface.prefmap[ns] = prefix

application = WsgiApplication(app)
