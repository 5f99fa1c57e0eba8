#!/usr/bin/env python3
"""A SOAP client nobody here wrote (zeep, from Debian) reads the served WSDL
and runs an order through both SOAP bindings. Usage: veloconnect_zeep.py URL"""
import sys

import zeep


def main(base):
    client = zeep.Client(base + "?wsdl")
    soap11 = client.bind("VeloconnectService", "VeloconnectSoap11Port")
    soap12 = client.bind("VeloconnectService", "VeloconnectSoap12Port")
    auth = dict(BuyersID="B127645", Credential={"Password": "secret"})

    def item(i):
        return {"ID": {"_value_1": i}}

    r = soap11.GetItemDetails(**auth, SellersItemIdentification=item("52090311100"),
                              Quantity={"_value_1": "500", "quantityUnitCode": "EA"})
    assert r.ResponseCode == 200, r
    assert r.Item.SellersItemIdentification.ID._value_1 == "52090311100"
    assert r.Availability.Code == "available"

    r = soap12.CreateOrder(**auth, OrderRequestLine=[
        {"SellersItemIdentification": item("52090311100"), "Quantity": {"_value_1": "450", "quantityUnitCode": "EA"}},
        {"SellersItemIdentification": item("100000001"), "Quantity": {"_value_1": "1"}}])
    assert r.ResponseCode == 200 and r.StatusCode == 2, r
    assert r.OrderResponseLine[0].Quantity._value_1 == 5 and r.OrderResponseLine[0].Quantity.quantityUnitCode == "PK"
    assert r.RequestReplacement[0].ItemReplacement[0].ID._value_1 == "200300156"
    tid = r.TransactionID

    r = soap11.UpdateOrder(**auth, TransactionID=tid, OrderRequestLine=[
        {"SellersItemIdentification": item("200600221"), "Quantity": {"_value_1": "2"}}])
    assert r.ResponseCode == 200 and len(r.OrderResponseLine) == 2, r

    r = soap12.FinishOrder(**auth, TransactionID=tid)
    assert r.ResponseCode == 200 and r.StatusCode == 100, r
    assert r.OrderHeader.OrderID.startswith("OG-")

    order_id = r.OrderHeader.OrderID

    # The receipt module: the finished order's confirmation, the demo delivery note and invoice.
    r = soap12.OrderConfirmationQuery(**auth, OrderID=[order_id])
    assert r.ResponseCode == 200 and len(r.OrderConfirmationHeader) == 1, r
    assert r.OrderConfirmationHeader[0].OrderConfirmationID == "OC-" + order_id, r
    assert r.DateRange.ThruDate is not None, r
    r = soap11.OrderConfirmationDetails(**auth, OrderConfirmationID=["OC-" + order_id, "OC-nothing"])
    assert r.ResponseCode == 200 and len(r.OrderConfirmation[0].LineItem) == 2, r
    assert r.OrderConfirmation[0].LineItem[0].LinePrice._value_1 == 245 and r.UnknownID == ["OC-nothing"], r
    r = soap11.DeliveryNoteQuery(**auth, DateRange={"FromDate": "2000-01-01"})
    assert r.ResponseCode == 200 and r.DeliveryNoteHeader[0].DeliveryNoteID == "DN-1001", r
    r = soap12.InvoiceInformationDetails(**auth, InvoiceID=["INV-2001"])
    invoice = r.Invoice[0]
    assert invoice.GrossSum._value_1 == invoice.NetSum._value_1 + invoice.VAT[0].TaxAmount._value_1, r
    assert invoice.LineItem[0].DeliveryNoteID.ID == "DN-1001", r
    r = soap11.OfferDetails(**auth, OfferID=["OF-1"])
    assert r.ResponseCode == 200 and r.UnknownID == ["OF-1"], r

    r = soap11.ViewOrder(**auth, TransactionID="0" * 32)
    assert r.ResponseCode == 420, r
    print("zeep: ok")


if __name__ == "__main__":
    main(sys.argv[1])
