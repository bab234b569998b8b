"""The seven corporate parenting principles (Children and Social Work Act 2017), in plain words.

This is the one place they are written; themes store the number (1 to 7).
"""

from app.i18n import lazy_gettext

PRINCIPLES: dict[int, str] = {  # translated when rendered
    1: lazy_gettext("Act in their best interests and look after their health and wellbeing"),
    2: lazy_gettext("Encourage them to say what they think, want and feel"),
    3: lazy_gettext("Take what they say into account"),
    4: lazy_gettext("Help them use services and get the most from them"),
    5: lazy_gettext("Aim high for them and help them do well"),
    6: lazy_gettext("Keep them safe, with stable homes, relationships, school or work"),
    7: lazy_gettext("Get them ready for adult life and living on their own"),
}
