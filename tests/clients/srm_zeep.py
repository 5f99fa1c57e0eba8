#!/usr/bin/env python3
"""A SOAP client nobody here wrote (zeep, from Debian) reads the served SRM
WSDL and creates, reads, releases and cancels shopping carts, over SOAP 1.1
and 1.2, with HTTP Basic authentication. Usage: srm_zeep.py URL"""
import sys
import uuid
from datetime import datetime, timezone

import requests
import zeep
from zeep.transports import Transport


def header(**extra):
    h = {"ID": "ZEEP-1", "UUID": str(uuid.uuid4()),
         "CreationDateTime": datetime.now(timezone.utc).replace(microsecond=0)}
    h.update(extra)
    return h


def category(value):
    return {"_value_1": value, "schemeID": "ProductCategoryID", "schemeAgencyID": "SRMCLNT100"}


def main(url):
    session = requests.Session()
    session.auth = ("srm-user", "srm-pass")
    client = zeep.Client(url + "?wsdl", transport=Transport(session=session))
    soap11 = client.bind("InternalRequestSRMService", "InternalRequestSRM_InSoap11Port")
    soap12 = client.bind("InternalRequestSRMService", "InternalRequestSRM_InSoap12Port")

    laptop = {"ID": "10", "ParentID": "0",
              "Product": {"Category": category("IT-HW"),
                          "Product": {"Note": "Laptop 14 inch", "TypeCode": "01",
                                      "InternalID": {"_value_1": "P-2000", "schemeID": "ProductID",
                                                     "schemeAgencyID": "SRMCLNT100"}}},
              "Quantity": {"_value_1": "3", "unitCode": "EA"},
              "NetUnitPrice": {"Amount": {"_value_1": "899.00", "currencyCode": "EUR"},
                               "BaseQuantity": {"_value_1": "1", "unitCode": "EA"}},
              "AccountingCodingBlockAssignment": [{"Percent": "100", "CostCentreID": "4711"}]}
    created = soap11.InternalRequestSRMCreateRequestConfirmation_In(
        MessageHeader=header(), InternalRequest={"Item": [laptop]})
    assert created.Log.BusinessDocumentProcessingResultCode == "3", created
    cart, state = created.InternalRequest.ID, created.InternalRequest.ChangeStateID
    assert cart.startswith("SC-") and len(state) == 14, created

    read = soap12.InternalRequestSRMByIDQueryResponse_In(InternalRequestSelectionByID={"ID": cart})
    assert read.InternalRequest.ChangeStateID == state, read
    assert read.InternalRequest.Status.OrderedIndicator is False, read
    item = read.InternalRequest.Item[0]
    assert item.Product.Product.InternalID._value_1 == "P-2000", read
    assert str(item.Quantity._value_1) == "3" and item.Quantity.unitCode == "EA", read

    stale = soap11.InternalRequestSRMReleaseRequestConfirmation_In(
        MessageHeader=header(), InternalRequest={"ID": cart, "ChangeStateID": "20200101000000"})
    assert stale.Log.BusinessDocumentProcessingResultCode == "5", stale
    assert stale.Log.MaximumLogItemSeverityCode == "3", stale
    assert stale.Log.Item[0].TypeID == "053(OGSRM)", stale

    released = soap11.InternalRequestSRMReleaseRequestConfirmation_In(
        MessageHeader=header(), InternalRequest={"ID": cart, "ChangeStateID": state})
    assert released.Log.BusinessDocumentProcessingResultCode == "3", released
    assert released.InternalRequest.ChangeStateID != state, released

    # A rule violation comes back in the Log, naming the item and the field.
    wrong = dict(laptop, Quantity={"_value_1": "1", "unitCode": "PCE"})
    rejected = soap12.InternalRequestSRMCreateRequestConfirmation_In(
        MessageHeader=header(), InternalRequest={"Item": [wrong]})
    assert rejected.Log.BusinessDocumentProcessingResultCode == "5", rejected
    assert rejected.Log.Item[0].TypeID == "022(OGSRM)", rejected
    assert rejected.Log.Item[0].ReferenceObjectNodeSenderTechnicalID == "10", rejected

    canceled = soap12.InternalRequestSRMCancelRequestConfirmation_In(
        MessageHeader=header(), InternalRequest={"ID": "SC-1003"})
    assert canceled.Log.BusinessDocumentProcessingResultCode == "3", canceled

    # A technical error is a SOAP fault zeep raises, with SAP's fault detail.
    try:
        soap11.InternalRequestSRMByIDQueryResponse_In(InternalRequestSelectionByID={"ID": "x" * 40})
        raise AssertionError("no fault for an ID longer than 35 characters")
    except zeep.exceptions.Fault as fault:
        assert "not valid" in fault.message, fault.message
    print("zeep: create, read, release, cancel and a fault through the served WSDL: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
