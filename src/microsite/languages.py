"""The site's languages, in the order they appear in the language switcher."""

from typing import Literal, get_args

Lang = Literal["el", "bg", "ka", "pl"]
LANGUAGES: tuple[str, ...] = get_args(Lang)
