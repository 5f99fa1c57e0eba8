// Every message the SRM face can put into a Log, as a value. The wire's TypeID
// ("<number>(OGSRM)", SAP's msgno(msgclass) style) and severity are derived
// in exactly one place (message.cpp), so a number never changes meaning.
#pragma once
#include <string>
#include <string_view>

namespace og::rules::srm {

enum class MessageNumber {
  // Product definition (one per field and check; the note names the item).
  ParentIdNotZero = 1,
  CategoryMissing = 2,
  CategoryUnknown = 3,
  CategoryNotProducts = 4,
  CategorySchemeIdMissing = 5,
  CategorySchemeIdWrong = 6,
  CategoryAgencyMissing = 7,
  CategoryAgencyWrong = 8,
  NoteMissing = 9,
  NoteNotProductDescription = 10,
  TypeCodeMissing = 11,
  TypeCodeNotProductType = 12,
  InternalIdSubmitted = 13,
  InternalIdMissing = 14,
  InternalIdUnknown = 15,
  InternalIdSchemeIdMissing = 16,
  InternalIdSchemeIdWrong = 17,
  InternalIdAgencyMissing = 18,
  InternalIdAgencyWrong = 19,
  QuantityMissing = 20,
  QuantityUnitMissing = 21,
  QuantityUnitNotProducts = 22,
  PriceUnitMissing = 23,
  PriceUnitNotProducts = 24,
  AccountingUnitMissing = 25,
  AccountingUnitNotProducts = 26,
  CostUpperLimitMissing = 27,
  UnitCodeUnknown = 28,
  // The cart as a whole.
  NoItems = 40,
  DuplicateItemId = 41,
  IdAssignedBySystem = 42,
  // Processing.
  CartNotFound = 50,
  CartAlreadyOrdered = 51,
  NeitherStateNorContent = 52,
  ChangeStateMismatch = 53,
  ContentMismatch = 54,
  CartInconsistent = 55,
  CartIdMissing = 56,
  MessageUuidReused = 57,
  // Success.
  CartCreated = 70,
  CartReleased = 71,
  CartCanceled = 72,
  CartRead = 73,
};

// SAP LogItemSeverityCode: 1 information, 2 warning, 3 error.
enum class Severity { Information = 1, Warning = 2, Error = 3 };

// "020(OGSRM)".
std::string type_id(MessageNumber number);

// Log notes are at most 200 characters (GDT LogItemNote); cuts on a UTF-8
// character boundary and marks the cut.
std::string fit_note(std::string note);

}  // namespace og::rules::srm
