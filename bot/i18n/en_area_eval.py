"""English: the area evaluation – the quarter's questions to ambassadors and superusers
(`area_eval.*`).
"""

MESSAGES: dict[str, str] = {
    # The nudge
    "area_eval.nudge_quarterly": "This quarter's evaluation for area {area}: how are the digital tools going?",
    "area_eval.nudge": "Evaluation for area {area}: how are the digital tools going?",
    "area_eval.nudge_ambassador": "Four short questions: what works, what is hard, which tools to drop or spread – and what do you need? The answers go into leadership's overview.",
    "area_eval.nudge_superuser": "Three short questions: what works, what is hard – and what do you need? The answers go into leadership's overview.",
    "area_eval.answer": "Answer (3 min)",
    # The form
    "area_eval.title": "Area evaluation",
    "area_eval.submit": "Save answers",
    "area_eval.intro": "**Area {area}** – the evaluation from {day}. Answer what you can; an empty field is fine.",
    "area_eval.hint": "Leadership and the coordinator read the answers. Do not write children's names or CPR numbers.",
    "area_eval.works": "What works well?",
    "area_eval.works_hint": "E.g. a tool the children enjoy, or a way of working that does the job.",
    "area_eval.hard": "What is hard?",
    "area_eval.drop_or_spread": "Which tools should we drop – and which should spread to more daycares?",
    "area_eval.support": "What support do you need?",
    "area_eval.support_hint": "E.g. a course, time, equipment or help from an ambassador.",
    # Answers and errors
    "area_eval.saved": "Thank you – your answers are saved. You can change them with the button in the message while the evaluation runs.",
    "area_eval.closed": "That evaluation has ended. You will hear from me when the next one starts.",
    "area_eval.not_in_area": "You are no longer an ambassador or superuser in area {area}, so that evaluation is not yours to answer.",
    "area_eval.error.empty": "Write at least one answer – a few words are enough.",
    "area_eval.error.too_long": "At most {limit} characters – you wrote {length}.",
    "area_eval.error.ambassadors_only": "That question is for ambassadors only. Empty the field and save again.",
}
