"""English: the organisation file (CSV) – columns and errors in its rows (`org_csv.*`)."""

MESSAGES: dict[str, str] = {
    # The file as a whole
    "org_csv.empty": "The file is empty.",
    "org_csv.binary": 'The file is not a text file (it contains binary characters). Save the spreadsheet as "CSV UTF-8" and try again.',
    "org_csv.not_utf8": 'The file is not saved as UTF-8, so æ, ø and å cannot be read. Save the spreadsheet in Excel as "CSV UTF-8 (Comma delimited)" and try again.',
    "org_csv.bad_quotes": 'The quotes do not match. A field that starts with " must also end with " (and a " inside the field is written "").',
    "org_csv.unknown_column": 'Unknown column "{column}" in the header. The columns must be: {columns}.',
    "org_csv.duplicate_column": 'The column "{column}" appears twice in the header.',
    "org_csv.missing_column": 'The column "{column}" is missing from the header.',
    "org_csv.no_rows": "The file has only the header – there are no people in it.",
    "org_csv.field_count": "The line has {count} fields, but the header has {expected}. Is there a comma or semicolon in a name without quotes around it?",
    # One person
    "org_csv.email_bad": '"{email}" is not a valid e-mail address.',
    "org_csv.user_id_bad": '"{user_id}" is not a Slack id. A Slack id looks like U0123ABC or W0123ABC.',
    "org_csv.email_or_id": "The person needs an e-mail address or a Slack id.",
    "org_csv.name_missing": "The name is missing.",
    "org_csv.language_bad": 'I do not know the language "{language}". Write English (en), Danish (da) or leave the field empty.',
    "org_csv.role_unknown": 'I do not know the role "{role}". Use superuser, ambassador, coordinator or leader (or in Danish superbruger, ambassadør, koordinator, leder) – separate several roles with |.',
    "org_csv.ambassador_no_area": "An ambassador needs an area in the area column.",
    "org_csv.superuser_no_area": "A superuser needs the area their daycare lies in, in the area column.",
    "org_csv.superuser_no_daycare": "A superuser needs their daycare in the daycare column.",
    "org_csv.superuser_one_area": "A superuser needs exactly one area: the one {daycare} lies in. The line has {areas}.",
    "org_csv.area_unused": 'The area "{areas}" is only used for ambassadors and superusers, and the person is neither. Remove the area or add the role.',
    "org_csv.daycare_unused": 'The daycare "{daycare}" is only used for superusers, and the person is not a superuser. Remove the daycare or add the role superuser.',
    "org_csv.email_duplicate": "The e-mail address {email} is also on line {other}.",
    "org_csv.user_id_duplicate": "The Slack id {user_id} is also on line {other}.",
    "org_csv.place_one_area": "A row without a person describes a place and needs exactly one area.",
    "org_csv.daycare_two_areas": "{daycare} lies in area {area} here, but in area {other_area} on line {other}. A daycare lies in one area only.",
    "org_csv.daycare_not_in_areas": "{daycare} lies in area {area} (line {other}), but that is not one of this line's areas ({areas}).",
    "org_csv.daycare_no_common_area": "{daycare} must lie in one of the areas {areas} here, but in one of the areas {other_areas} on line {other} – no area fits both.",
}
