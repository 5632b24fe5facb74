"""English: tool tests and test results – errors in the forms (`tests.*`)."""

MESSAGES: dict[str, str] = {
    # A problem with one field of a form
    "tests.error.question_empty": "Write what the test should answer – e.g. “Can 3-year-olds use Bee-Bot without help?”",
    "tests.error.too_long": "The text is too long: at most {limit} characters, this has {length}.",
    "tests.error.where_missing": "Choose at least one daycare – or a whole area.",
    "tests.error.date_too_early": "The date is before 2010. Check the year.",
    "tests.error.date_future": "The date is in the future. Choose the day you tried the tool.",
    "tests.error.checkpoints": "Write numbers of weeks as whole numbers from {low} to {high}, separated by commas – e.g. 2, 6.",
    "tests.error.rating": "Choose between {low} and {high} stars.",
    "tests.error.number_range": "Write a whole number from {low} to {high}.",
    "tests.error.unknown_choice": "I don't know that choice. Pick one from the list.",
    "tests.error.result_empty": "Write what worked or what was hard – or give stars or a recommendation.",
    "tests.error.tool_unknown": "That tool is not (or no longer) in the catalogue. Choose another.",
    "tests.error.daycare_unknown": "One of the chosen daycares no longer exists. Choose again.",
    "tests.error.area_unknown": "That area no longer exists. Choose again.",
    "tests.error.test_unknown": "That test no longer exists. Choose another – or none.",
    "tests.error.test_other_tool": "That test is about {tool}. Choose the same tool, or another test.",
    "tests.error.already_closed": "This test has already been closed.",
    "tests.error.no_results_confirm": "This test has no results yet. Recommend {tool} anyway? It will then be sent to every daycare not using it.",
}
