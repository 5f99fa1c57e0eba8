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

    r = soap11.ViewOrder(**auth, TransactionID="0" * 32)
    assert r.ResponseCode == 420, r
    print("zeep: ok")


if __name__ == "__main__":
    main(sys.argv[1])
