"""The love-languages content: descriptions, the assessment's statements, suggestions.

Everything here is our own wording, marked for extraction with message
contexts (see :mod:`intimacy._messages`).  The assessment's statements name an
act of care without saying who does it, so one statement serves both
directions: "which would feel more like care, coming from them?" and "which
are you more likely to offer them?".  A statement may have a variant for a
relationship; physical-touch statements always stay within what suits it.
"""

from __future__ import annotations

from intimacy._messages import pgettext
from intimacy._models import LoveLanguage, Relationship

__all__ = ["DESCRIPTIONS", "PAIRINGS", "QUESTIONS", "STATEMENTS", "SUGGESTIONS"]

W = LoveLanguage.WORDS_OF_AFFIRMATION
S = LoveLanguage.ACTS_OF_SERVICE
G = LoveLanguage.RECEIVING_GIFTS
T = LoveLanguage.QUALITY_TIME
P = LoveLanguage.PHYSICAL_TOUCH

PARTNER = Relationship.PARTNER
FRIEND = Relationship.FRIEND
FAMILY = Relationship.FAMILY
COLLEAGUE = Relationship.COLLEAGUE

#: What each way of showing care means: language -> (context, text).
DESCRIPTIONS: dict[LoveLanguage, tuple[str, str]] = {
    W: (
        "love_language.words_of_affirmation.description",
        pgettext(
            "love_language.words_of_affirmation.description",
            "Showing care in words: thanks, praise, encouragement and saying plainly what "
            "someone means to you.",
        ),
    ),
    S: (
        "love_language.acts_of_service.description",
        pgettext(
            "love_language.acts_of_service.description",
            "Showing care by doing: taking a task off someone's hands, helping before being "
            "asked, making a hard day easier.",
        ),
    ),
    G: (
        "love_language.receiving_gifts.description",
        pgettext(
            "love_language.receiving_gifts.description",
            "Showing care with something to keep: a small, well-chosen thing that says "
            "someone was on your mind.",
        ),
    ),
    T: (
        "love_language.quality_time.description",
        pgettext(
            "love_language.quality_time.description",
            "Showing care with undivided attention: time together without distractions, "
            "listening and doing things side by side.",
        ),
    ),
    P: (
        "love_language.physical_touch.description",
        pgettext(
            "love_language.physical_touch.description",
            "Showing care through welcome touch, from a handshake or a hug to, between "
            "partners, holding hands and closeness, always on both people's terms.",
        ),
    ),
}

#: The question each item asks, by direction: (context, text).  ``{{ other }}``
#: is a noun for the relationship, such as "your friend".
QUESTIONS: dict[str, tuple[str, str]] = {
    "receive": (
        "quiz.question.receive",
        pgettext(
            "quiz.question.receive", "Which would feel more like care, coming from {{ other }}?"
        ),
    ),
    "give": (
        "quiz.question.give",
        pgettext("quiz.question.give", "Which are you more likely to offer {{ other }}?"),
    ),
}

# The ten pairings of the five languages, three rounds in different orders:
# 30 items, each pairing three times, each language twelve times.
PAIRINGS: tuple[tuple[LoveLanguage, LoveLanguage], ...] = (
    (W, S), (G, T), (P, W), (S, T), (G, P), (W, T), (S, G), (T, P), (W, G), (S, P),
    (T, W), (P, G), (S, W), (T, S), (G, W), (P, S), (W, P), (T, G), (P, T), (G, S),
    (S, G), (W, T), (T, P), (G, W), (P, S), (W, S), (G, P), (T, S), (P, W), (T, G),
)  # fmt: skip

Variants = dict[Relationship, tuple[str, str]]

#: Twelve statements per language: (context, default text, variants by relationship).
STATEMENTS: dict[LoveLanguage, tuple[tuple[str, str, Variants], ...]] = {
    W: (
        (
            "quiz.w01",
            pgettext("quiz.w01", "Sincere thanks, said out loud, for something ordinary"),
            {},
        ),
        (
            "quiz.w02",
            pgettext("quiz.w02", "An unexpected message naming a quality that is admired"),
            {},
        ),
        ("quiz.w03", pgettext("quiz.w03", "Praise for the effort, not only for the result"), {}),
        ("quiz.w04", pgettext("quiz.w04", "A few encouraging words before a hard day"), {}),
        ("quiz.w05", pgettext("quiz.w05", "A handwritten note left where it will be found"), {}),
        ("quiz.w06", pgettext("quiz.w06", 'A plain "I\'m proud of you", with the reason why'), {}),
        ("quiz.w07", pgettext("quiz.w07", "Kind words said about someone in front of others"), {}),
        ("quiz.w08", pgettext("quiz.w08", "A compliment that shows real attention to detail"), {}),
        ("quiz.w09", pgettext("quiz.w09", "Words of reassurance after a mistake"), {}),
        (
            "quiz.w10",
            pgettext("quiz.w10", "A message that recalls something important said days before"),
            {},
        ),
        (
            "quiz.w11",
            pgettext("quiz.w11", "Hearing, in so many words, that the relationship matters"),
            {
                PARTNER: (
                    "quiz.w11.partner",
                    pgettext("quiz.w11.partner", 'Hearing "I love you", said as if it were new'),
                ),
            },
        ),
        ("quiz.w12", pgettext("quiz.w12", "A few heartfelt words at a celebration"), {}),
    ),
    S: (
        ("quiz.s01", pgettext("quiz.s01", "Help with a chore that is piling up"), {}),
        ("quiz.s02", pgettext("quiz.s02", "Taking over an errand on a busy day"), {}),
        ("quiz.s03", pgettext("quiz.s03", "Fixing something that has been broken for a while"), {}),
        (
            "quiz.s04",
            pgettext("quiz.s04", "A meal cooked or brought over without being asked"),
            {
                COLLEAGUE: (
                    "quiz.s04.colleague",
                    pgettext("quiz.s04.colleague", "A coffee fetched without being asked"),
                ),
            },
        ),
        ("quiz.s05", pgettext("quiz.s05", "Dealing with a tiresome phone call or form"), {}),
        (
            "quiz.s06",
            pgettext("quiz.s06", "Practical help getting ready for something stressful"),
            {},
        ),
        ("quiz.s07", pgettext("quiz.s07", "A shared space tidied as a surprise"), {}),
        (
            "quiz.s08",
            pgettext("quiz.s08", "A lift to or from somewhere"),
            {
                COLLEAGUE: (
                    "quiz.s08.colleague",
                    pgettext("quiz.s08.colleague", "Covering a task during a busy week"),
                ),
            },
        ),
        ("quiz.s09", pgettext("quiz.s09", "One item quietly crossed off a long to-do list"), {}),
        (
            "quiz.s10",
            pgettext("quiz.s10", "Practical help during an illness"),
            {
                COLLEAGUE: (
                    "quiz.s10.colleague",
                    pgettext("quiz.s10.colleague", "Picking up loose ends during a sick day"),
                ),
            },
        ),
        ("quiz.s11", pgettext("quiz.s11", "Taking care of a detail that was forgotten"), {}),
        ("quiz.s12", pgettext("quiz.s12", "Doing the unpopular job before anyone has to ask"), {}),
    ),
    G: (
        ("quiz.g01", pgettext("quiz.g01", "A small gift picked with care"), {}),
        ("quiz.g02", pgettext("quiz.g02", "A souvenir brought back from a trip"), {}),
        ("quiz.g03", pgettext("quiz.g03", "A favourite snack picked up on the way"), {}),
        ("quiz.g04", pgettext("quiz.g04", "A book or a song chosen with one person in mind"), {}),
        ("quiz.g05", pgettext("quiz.g05", "A thoughtful present for no special occasion"), {}),
        ("quiz.g06", pgettext("quiz.g06", "A handmade gift, however simple"), {}),
        ("quiz.g07", pgettext("quiz.g07", "Flowers or a plant"), {}),
        (
            "quiz.g08",
            pgettext("quiz.g08", "A gift that shows an old conversation was remembered"),
            {},
        ),
        ("quiz.g09", pgettext("quiz.g09", "A printed photo of a shared moment"), {}),
        ("quiz.g10", pgettext("quiz.g10", "A small token to mark a milestone"), {}),
        ("quiz.g11", pgettext("quiz.g11", "Tickets to something to enjoy together"), {}),
        ("quiz.g12", pgettext("quiz.g12", "A little surprise left on a desk or a doorstep"), {}),
    ),
    T: (
        ("quiz.t01", pgettext("quiz.t01", "An unhurried evening together, phones put away"), {}),
        ("quiz.t02", pgettext("quiz.t02", "A walk together with time to talk"), {}),
        ("quiz.t03", pgettext("quiz.t03", "Full attention while a long story is told"), {}),
        ("quiz.t04", pgettext("quiz.t04", "Cooking or making something side by side"), {}),
        ("quiz.t05", pgettext("quiz.t05", "A regular time set aside just for each other"), {}),
        ("quiz.t06", pgettext("quiz.t06", "A long conversation over coffee"), {}),
        ("quiz.t07", pgettext("quiz.t07", "Trying something new together"), {}),
        ("quiz.t08", pgettext("quiz.t08", "A day out planned together"), {}),
        ("quiz.t09", pgettext("quiz.t09", "Time to talk with no screens and no interruptions"), {}),
        ("quiz.t10", pgettext("quiz.t10", "A shared hobby or game"), {}),
        (
            "quiz.t11",
            pgettext("quiz.t11", "A visit, even a short one, made just to see each other"),
            {},
        ),
        ("quiz.t12", pgettext("quiz.t12", "Staying a little longer to finish a conversation"), {}),
    ),
    P: (
        (
            "quiz.p01",
            pgettext("quiz.p01", "A long hug"),
            {
                COLLEAGUE: (
                    "quiz.p01.colleague",
                    pgettext("quiz.p01.colleague", "A warm handshake"),
                ),
            },
        ),
        (
            "quiz.p02",
            pgettext("quiz.p02", "An arm around the shoulders"),
            {
                PARTNER: (
                    "quiz.p02.partner",
                    pgettext("quiz.p02.partner", "Holding hands on a walk"),
                ),
                COLLEAGUE: (
                    "quiz.p02.colleague",
                    pgettext(
                        "quiz.p02.colleague", "A friendly pat on the shoulder, where it is welcome"
                    ),
                ),
            },
        ),
        (
            "quiz.p03",
            pgettext("quiz.p03", "Sitting close together on the sofa"),
            {
                COLLEAGUE: (
                    "quiz.p03.colleague",
                    pgettext(
                        "quiz.p03.colleague", "Sitting side by side to work through a problem"
                    ),
                ),
            },
        ),
        (
            "quiz.p04",
            pgettext("quiz.p04", "A hand on the arm during a hard conversation"),
            {
                COLLEAGUE: (
                    "quiz.p04.colleague",
                    pgettext(
                        "quiz.p04.colleague", "A high five after finishing something together"
                    ),
                ),
            },
        ),
        (
            "quiz.p05",
            pgettext("quiz.p05", "A hug hello and goodbye"),
            {
                COLLEAGUE: (
                    "quiz.p05.colleague",
                    pgettext("quiz.p05.colleague", "A fist bump to celebrate a small win"),
                ),
            },
        ),
        (
            "quiz.p06",
            pgettext("quiz.p06", "A reassuring squeeze of the hand"),
            {
                COLLEAGUE: (
                    "quiz.p06.colleague",
                    pgettext("quiz.p06.colleague", "A pat on the back for a job well done"),
                ),
            },
        ),
        (
            "quiz.p07",
            pgettext("quiz.p07", "Leaning against each other while watching a film"),
            {
                PARTNER: (
                    "quiz.p07.partner",
                    pgettext("quiz.p07.partner", "Cuddling up together while watching a film"),
                ),
                COLLEAGUE: (
                    "quiz.p07.colleague",
                    pgettext("quiz.p07.colleague", "A handshake and a smile on a first day back"),
                ),
            },
        ),
        (
            "quiz.p08",
            pgettext("quiz.p08", "A big hug after a long time apart"),
            {
                PARTNER: (
                    "quiz.p08.partner",
                    pgettext("quiz.p08.partner", "A kiss hello at the end of the day"),
                ),
                COLLEAGUE: (
                    "quiz.p08.colleague",
                    pgettext("quiz.p08.colleague", "A farewell hug, when both want one"),
                ),
            },
        ),
        (
            "quiz.p09",
            pgettext("quiz.p09", "A hand held for a moment when news is hard"),
            {
                COLLEAGUE: (
                    "quiz.p09.colleague",
                    pgettext("quiz.p09.colleague", "A steady handshake before a difficult meeting"),
                ),
            },
        ),
        (
            "quiz.p10",
            pgettext("quiz.p10", "A playful nudge at a shared joke"),
            {},
        ),
        (
            "quiz.p11",
            pgettext("quiz.p11", "A gentle shoulder rub after a tiring day"),
            {
                COLLEAGUE: (
                    "quiz.p11.colleague",
                    pgettext("quiz.p11.colleague", "A light touch on the arm to say well done"),
                ),
            },
        ),
        (
            "quiz.p12",
            pgettext("quiz.p12", "A goodnight hug"),
            {
                PARTNER: (
                    "quiz.p12.partner",
                    pgettext("quiz.p12.partner", "Falling asleep close to each other"),
                ),
                COLLEAGUE: (
                    "quiz.p12.colleague",
                    pgettext("quiz.p12.colleague", "Walking side by side to the next meeting"),
                ),
            },
        ),
    ),
}

#: Concrete ways to show care, by relationship and language: (context, text).
SUGGESTIONS: dict[tuple[Relationship, LoveLanguage], tuple[tuple[str, str], ...]] = {
    (PARTNER, W): (
        (
            "suggest.partner.words.1",
            pgettext(
                "suggest.partner.words.1",
                "Tell them one specific thing you admired in how they handled their week.",
            ),
        ),
        (
            "suggest.partner.words.2",
            pgettext(
                "suggest.partner.words.2",
                "Leave a short note where they will find it in the morning.",
            ),
        ),
        (
            "suggest.partner.words.3",
            pgettext(
                "suggest.partner.words.3",
                "Thank them in front of friends for something they usually do unseen.",
            ),
        ),
    ),
    (PARTNER, S): (
        (
            "suggest.partner.service.1",
            pgettext(
                "suggest.partner.service.1",
                "Cook dinner on a night you know they will come home tired.",
            ),
        ),
        (
            "suggest.partner.service.2",
            pgettext(
                "suggest.partner.service.2",
                "Take one recurring chore off their list for a month, without keeping score.",
            ),
        ),
        (
            "suggest.partner.service.3",
            pgettext("suggest.partner.service.3", "Deal with the errand they have been dreading."),
        ),
    ),
    (PARTNER, G): (
        (
            "suggest.partner.gifts.1",
            pgettext(
                "suggest.partner.gifts.1",
                "Bring home something small that ties back to a recent conversation.",
            ),
        ),
        (
            "suggest.partner.gifts.2",
            pgettext(
                "suggest.partner.gifts.2",
                "Mark an anniversary with a gift that recalls how you met.",
            ),
        ),
        (
            "suggest.partner.gifts.3",
            pgettext(
                "suggest.partner.gifts.3",
                "Keep a list of things they mention wanting, and surprise them from it.",
            ),
        ),
    ),
    (PARTNER, T): (
        (
            "suggest.partner.time.1",
            pgettext("suggest.partner.time.1", "Plan an evening out with phones left at home."),
        ),
        (
            "suggest.partner.time.2",
            pgettext(
                "suggest.partner.time.2",
                "Keep ten minutes each evening to ask about each other's day.",
            ),
        ),
        (
            "suggest.partner.time.3",
            pgettext(
                "suggest.partner.time.3",
                "Take up something new together that neither of you is good at yet.",
            ),
        ),
    ),
    (PARTNER, P): (
        (
            "suggest.partner.touch.1",
            pgettext("suggest.partner.touch.1", "Hold hands on your next walk."),
        ),
        (
            "suggest.partner.touch.2",
            pgettext(
                "suggest.partner.touch.2",
                "Greet them with a long hug when either of you comes home.",
            ),
        ),
        (
            "suggest.partner.touch.3",
            pgettext(
                "suggest.partner.touch.3",
                "Ask what kind of touch feels good to them this week, and follow their answer.",
            ),
        ),
    ),
    (FRIEND, W): (
        (
            "suggest.friend.words.1",
            pgettext(
                "suggest.friend.words.1",
                "Tell them what makes them a good friend, with an example.",
            ),
        ),
        (
            "suggest.friend.words.2",
            pgettext(
                "suggest.friend.words.2",
                "Send a message before their big day saying you believe in them.",
            ),
        ),
        (
            "suggest.friend.words.3",
            pgettext(
                "suggest.friend.words.3", "Praise them to someone else when they can hear it."
            ),
        ),
    ),
    (FRIEND, S): (
        (
            "suggest.friend.service.1",
            pgettext("suggest.friend.service.1", "Offer to help them move, paint or carry things."),
        ),
        (
            "suggest.friend.service.2",
            pgettext("suggest.friend.service.2", "Run an errand for them during a hectic week."),
        ),
        (
            "suggest.friend.service.3",
            pgettext("suggest.friend.service.3", "Bring a meal over when they are unwell."),
        ),
    ),
    (FRIEND, G): (
        (
            "suggest.friend.gifts.1",
            pgettext(
                "suggest.friend.gifts.1", "Bring their favourite snack the next time you meet."
            ),
        ),
        (
            "suggest.friend.gifts.2",
            pgettext("suggest.friend.gifts.2", "Send a postcard from a trip."),
        ),
        (
            "suggest.friend.gifts.3",
            pgettext("suggest.friend.gifts.3", "Lend or give a book that made you think of them."),
        ),
    ),
    (FRIEND, T): (
        (
            "suggest.friend.time.1",
            pgettext("suggest.friend.time.1", "Go for a long walk and talk."),
        ),
        (
            "suggest.friend.time.2",
            pgettext(
                "suggest.friend.time.2", "Set up a regular call or meal, once a month or more."
            ),
        ),
        (
            "suggest.friend.time.3",
            pgettext("suggest.friend.time.3", "Keep them company while they do something tedious."),
        ),
    ),
    (FRIEND, P): (
        (
            "suggest.friend.touch.1",
            pgettext("suggest.friend.touch.1", "Offer a hug when you meet, if they like hugs."),
        ),
        (
            "suggest.friend.touch.2",
            pgettext(
                "suggest.friend.touch.2", "A supportive pat on the back when things go wrong."
            ),
        ),
        (
            "suggest.friend.touch.3",
            pgettext(
                "suggest.friend.touch.3", "Sit close and share the moment at a concert or a match."
            ),
        ),
    ),
    (FAMILY, W): (
        (
            "suggest.family.words.1",
            pgettext(
                "suggest.family.words.1", "Thank them for a specific way they have helped you."
            ),
        ),
        (
            "suggest.family.words.2",
            pgettext("suggest.family.words.2", "Tell them a memory of them that you treasure."),
        ),
        (
            "suggest.family.words.3",
            pgettext("suggest.family.words.3", "Say out loud what you have learned from them."),
        ),
    ),
    (FAMILY, S): (
        (
            "suggest.family.service.1",
            pgettext(
                "suggest.family.service.1", "Do a household task for them without being asked."
            ),
        ),
        (
            "suggest.family.service.2",
            pgettext(
                "suggest.family.service.2",
                "Help with paperwork, repairs or technology that wears them out.",
            ),
        ),
        (
            "suggest.family.service.3",
            pgettext("suggest.family.service.3", "Cook a family recipe for them."),
        ),
    ),
    (FAMILY, G): (
        (
            "suggest.family.gifts.1",
            pgettext("suggest.family.gifts.1", "Give a personal item they once mentioned wanting."),
        ),
        (
            "suggest.family.gifts.2",
            pgettext("suggest.family.gifts.2", "Frame an old family photo for them."),
        ),
        (
            "suggest.family.gifts.3",
            pgettext(
                "suggest.family.gifts.3", "Bring back a small local speciality when you visit."
            ),
        ),
    ),
    (FAMILY, T): (
        (
            "suggest.family.time.1",
            pgettext("suggest.family.time.1", "Plan a coffee catch-up or a film night."),
        ),
        (
            "suggest.family.time.2",
            pgettext(
                "suggest.family.time.2",
                "Ask them to tell you about a time in their life you know little about.",
            ),
        ),
        (
            "suggest.family.time.3",
            pgettext("suggest.family.time.3", "Call at a regular time each week."),
        ),
    ),
    (FAMILY, P): (
        (
            "suggest.family.touch.1",
            pgettext("suggest.family.touch.1", "Greet and say goodbye with a warm hug."),
        ),
        (
            "suggest.family.touch.2",
            pgettext("suggest.family.touch.2", "Hold their hand during a difficult appointment."),
        ),
        (
            "suggest.family.touch.3",
            pgettext(
                "suggest.family.touch.3", "Sit close while looking through old photos together."
            ),
        ),
    ),
    (COLLEAGUE, W): (
        (
            "suggest.colleague.words.1",
            pgettext(
                "suggest.colleague.words.1", "Name their contribution in a meeting, specifically."
            ),
        ),
        (
            "suggest.colleague.words.2",
            pgettext(
                "suggest.colleague.words.2", "Send a short thank-you after they helped you out."
            ),
        ),
        (
            "suggest.colleague.words.3",
            pgettext(
                "suggest.colleague.words.3",
                "Tell them which of their skills you would like to learn.",
            ),
        ),
    ),
    (COLLEAGUE, S): (
        (
            "suggest.colleague.service.1",
            pgettext(
                "suggest.colleague.service.1", "Offer to review their work before a deadline."
            ),
        ),
        (
            "suggest.colleague.service.2",
            pgettext("suggest.colleague.service.2", "Cover a task for them during a busy week."),
        ),
        (
            "suggest.colleague.service.3",
            pgettext(
                "suggest.colleague.service.3", "Share a template or shortcut that saves them time."
            ),
        ),
    ),
    (COLLEAGUE, G): (
        (
            "suggest.colleague.gifts.1",
            pgettext("suggest.colleague.gifts.1", "Bring them a coffee the way they like it."),
        ),
        (
            "suggest.colleague.gifts.2",
            pgettext(
                "suggest.colleague.gifts.2", "Leave a small treat on their desk after a hard week."
            ),
        ),
        (
            "suggest.colleague.gifts.3",
            pgettext(
                "suggest.colleague.gifts.3",
                "Pass on an article or a tool that fits their interests.",
            ),
        ),
    ),
    (COLLEAGUE, T): (
        (
            "suggest.colleague.time.1",
            pgettext("suggest.colleague.time.1", "Have lunch together away from your desks."),
        ),
        (
            "suggest.colleague.time.2",
            pgettext(
                "suggest.colleague.time.2",
                "Give them your full attention in a one-to-one, with laptops closed.",
            ),
        ),
        (
            "suggest.colleague.time.3",
            pgettext("suggest.colleague.time.3", "Ask how they are, and wait for the real answer."),
        ),
    ),
    (COLLEAGUE, P): (
        (
            "suggest.colleague.touch.1",
            pgettext(
                "suggest.colleague.touch.1",
                "A warm handshake or a high five after a shared success.",
            ),
        ),
        (
            "suggest.colleague.touch.2",
            pgettext(
                "suggest.colleague.touch.2",
                "Let them set the distance: some welcome a pat on the shoulder, others do not.",
            ),
        ),
        (
            "suggest.colleague.touch.3",
            pgettext(
                "suggest.colleague.touch.3",
                "Sit beside them, not across a desk, when you work through a problem together.",
            ),
        ),
    ),
}
