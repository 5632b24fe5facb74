"""English: trainings for superusers: planning, invitations, sign-ups and attendance."""

MESSAGES: dict[str, str] = {}
