"""English: guides as files: `tovholder guides import/export` (`guide_file.*`)."""

MESSAGES: dict[str, str] = {
    "guide_file.too_big": "The file is too big (over {limit} kB). A guide is a text file with Markdown.",
    "guide_file.binary": "The file is not a text file (it holds binary characters). Save the guide as plain text (.md).",
    "guide_file.not_utf8": "The file is not saved as UTF-8, so æ, ø and å cannot be read. Save it as UTF-8 and try again.",
    "guide_file.no_front_matter": "The file must start with a line --- followed by the keys (tool, title, purpose …) and another line ---.",
    "guide_file.bad_yaml": "The keys between --- and --- cannot be read (error near line {line}). Is there a colon in a text without quotes around it?",
    "guide_file.not_mapping": "Between --- and --- there must be keys with values, e.g. “title: Bee-Bot on the floor”.",
    "guide_file.unknown_key": "Unknown key “{key}”. Allowed keys: {keys}.",
    "guide_file.missing_key": "The key “{key}” is missing. It is always required.",
    "guide_file.empty": "The key “{key}” is empty. Fill it in – a guide starts with its purpose.",
    "guide_file.not_text": "The key “{key}” must be a text.",
    "guide_file.not_list": "The key “{key}” must be a list of texts, e.g. [robot, coding].",
    "guide_file.unknown_value": "“{value}” is not a valid value for “{key}”. Allowed values: {values}.",
    "guide_file.bad_owner": "“{value}” under owner is not an e-mail address.",
    "guide_file.bad_slug": "“{value}” under slug cannot be used. Use lower-case letters a–z, digits and hyphens, e.g. bee-bot-on-the-floor.",
    "guide_file.bad_slug_name": "The file name “{name}” gives no usable name for the guide. Rename the file or add the key slug.",
    "guide_file.bad_verify_days": "“{value}” under verify_days must be a whole number of days above 0.",
    "guide_file.duplicate_slug": "The guide “{slug}” is also in {other}. Each guide may be in one file only.",
}
