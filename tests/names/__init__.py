"""Methods and resources named like builtins, `models`, keywords and the views."""
