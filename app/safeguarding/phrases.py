"""The maintained list of disclosure phrases that the safeguarding screen matches.

This is data, kept by people: the designated safeguarding lead and the engineers add phrases here
when a real disclosure was missed, or a guard when a harmless message keeps being flagged.
`uv run python -m bench.screen` measures the effect on the labelled corpus; the tests fail the
build if recall drops below 0.98 or precision below 0.7.

How a pattern is written
------------------------
A pattern is a Python regular expression matched against the *normalised* message (see
`app.safeguarding.screen.normalise`): lower case, no accents, no punctuation, words separated by
single spaces, text-speak expanded ("dont" -> "do not", "im" -> "i am", "kms" -> "kill myself",
"wanna" -> "want to", "cos" -> "because", "u" -> "you") and small misspellings corrected to words
that appear in these patterns. A full stop (".") stands for the end of a sentence.

* A space matches exactly one space, so "hit me" means the two words next to each other.
* " ~ " allows up to 3 other words in between, " ~N " up to N (never across a sentence end).
* "<name>" is replaced by the group in MACROS.
* Patterns match whole words only: "bully" does not match inside "bullyx".

A phrase's id is "<category>.<name>"; the category is the part before the dot and must be one of
the screen's categories. Ids are stable: cases record them, so rename only with care.

Cues (CUES, after the listed phrases) are the general layer: per category lexicons of strong
words and stems, most tied by proximity (`near`) to the young person ("my arms", "me") or to an
object of harm, so that wording nobody wrote down still flags. Prefer widening a cue's lexicon to
adding a literal phrase when a disclosure was missed.

Guards are patterns for harmless look-alikes ("hit me up", "beat me at fifa", "cut myself a
slice"). Their words are blanked out before the phrases run, so they can only stop the exact
harmless span from matching: keep each guard narrow, so that it never hides a disclosure next to
it. Decisions on debatable look-alikes are written beside the guard.
"""

from typing import Final, NamedTuple


class Phrase(NamedTuple):
    id: str
    pattern: str


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MACROS: Final[dict[str, str]] = {
    # Physical harm done to the young person ("<hit> me").
    "hit": (
        "hit|hits|hitting|hitted|slap|slaps|slapping|slapped|punch|punches|punching|punched|"
        "kick|kicks|kicking|kicked|beat|beats|beating|beaten|smack|smacks|smacking|smacked|"
        "choke|chokes|choking|choked|strangle|strangles|strangling|strangled|throttle|throttles|"
        "throttled|batter|batters|battering|battered|whip|whips|whipped|whipping|belt|belts|"
        "belted|thump|thumps|thumped|thumping|headbutt|headbutts|headbutted|stamp|stamps|"
        "stamped|strike|strikes|struck|bite|bites|bit|burn|burns|burned|burnt|scald|scalds|"
        "scalded|shove|shoves|shoved|shoving|push|pushes|pushed|pushing|grab|grabs|grabbed|"
        "grabbing|drag|drags|dragged|dragging|hurt|hurts|hurting|attack|attacks|attacked|"
        "attacking|assault|assaults|assaulted|abuse|abuses|abused|abusing|bash|bashes|bashed|"
        "twat|twats|twatted|deck|decked|lamp|lamped|spit on|spits on|spat on"
    ),
    # Sexual touching or assault done to the young person ("<touch> me").
    "touch": (
        "touch|touches|touching|touched|grope|gropes|groped|groping|molest|molests|molested|"
        "molesting|rape|rapes|raped|raping|finger|fingers|fingered|fondle|fondles|fondled|"
        "feel me up|feels me up|felt me up|feeling me up"
    ),
    # Where a young person lives.
    "home": (
        "home|house|placement|flat|hostel|room|bedroom|accommodation|foster home|care home|"
        "childrens home|unit|supported accommodation|supported housing|digs|foster house|"
        "foster placement|place"
    ),
    # Grown-ups and others close to home.
    "person": (
        "he|she|they|him|her|them|carer|carers|foster carer|foster carers|dad|mum|mam|mom|"
        "father|mother|stepdad|stepmum|step dad|step mum|uncle|aunt|auntie|nan|grandad|brother|"
        "sister|cousin|boyfriend|girlfriend|partner|ex|landlord|flatmate|housemate|neighbour|"
        "staff|key worker|keyworker|man|men|lad|lads|guy|guys|someone|somebody|people"
    ),
    "scared": "scared|scarred|afraid|frightened|terrified|petrified|scared stiff|fearful",
    "pics": (
        "pics|pic|pictures|picture|photos|photo|images|image|vids|vid|videos|video|snaps|"
        "selfies|selfie"
    ),
    "drugs": (
        "drugs|drug|weed|crack|coke|cocaine|heroin|ket|ketamine|pills|spice|nangs|wraps|"
        "packages|package|parcels|parcel|food|bags|bag|stuff|bits|work|pack|packs|sim|sims"
    ),
    # A part of the young person's own body ("my arms").
    "self_body": (
        "my (arm|arms|wrist|wrists|leg|legs|thigh|thighs|stomach|hip|hips|skin|body|belly)"
    ),
    "olderp": (
        "man|men|guy|guys|bloke|blokes|lad|lads|boy|boys|boyfriend|boyfriends|woman|women|"
        "girl|girls|people|person|friend|friends|mates|mate|dude|dudes|geezer|geezers"
    ),
}


_LISTED: Final[tuple[Phrase, ...]] = (
    # ---------------------------------------------------------------- self-harm and suicide
    Phrase(
        "self_harm.want_to_die",
        r"(want|wants|wanted|wanting|wish|wishing|ready|deserve|deserves|deserved|need|needs|"
        r"trying|tried|try|plan|planning|planned|going|decided) (to|2) die"
        r"|i (just |really |honestly )?(want|wish) (to )?die",
    ),
    Phrase(
        "self_harm.wish_dead",
        r"(wish|wishing|wished) (i|that i) (was|were|had|could|would) (be )?"
        r"(dead|died|die|never been born|not born|not here|not alive|gone)"
        r"|(better|rather) (off )?(be )?dead|want to be dead",
    ),
    Phrase(
        "self_harm.better_off_without_me",
        r"better off without me|(happier|better|easier) if i (was|were|am|was not|were not) "
        r"(gone|dead|not here|not around|not alive|here|around|alive)"
        r"|(notice|care|miss me|miss me at all|mind|bother) ~2 if i (was|were|went|died|disappeared"
        r"|was not here|were not here|was not around|killed myself) ?(gone|dead|not here|not "
        r"around|away|forever)?"
        r"|if i (was|were) (gone|dead|not here|not around|not alive) (nobody|no one|would anyone|"
        r"would anybody|everyone|they)",
    ),
    Phrase(
        "self_harm.kill_myself",
        r"(kill|kills|killing|killed|end|ending|ended|murder|murdering|hang|hanging|hung|hanged|"
        r"drown|drowning|poison|poisoning|suffocate|suffocating|stab|stabbing|stabbed|shoot|"
        r"shooting|gas|gassing) myself",
    ),
    Phrase(
        "self_harm.hurt_myself",
        r"(hurt|hurting|hurts|harm|harming|harmed|harms|cut|cutting|cuts|cutted|burn|burning|"
        r"burnt|burned|scratch|scratching|scratched|punish|punishing|punished|starve|starving|"
        r"starved|hit|hitting|punch|punching|punched|bite|biting|bang|banging|banged|bruise|"
        r"bruising|injure|injuring|injured|mark|marking) myself",
    ),
    Phrase("self_harm.hate_myself", r"(hate|hating|hated|loathe|loathing|despise) myself"),
    Phrase(
        "self_harm.self_harm",
        r"self (harm|harming|harmed|harms|harmer|injury|injuring|injure|injured|hurt|hurting|"
        r"destruct|destructing|destructive)"
        r"|(relapse|relapsed|relapsing|started|start|doing|did|urge|urges) (on |with |to do )?sh",
    ),
    Phrase("self_harm.suicide", r"suicide|suicidal|sucidal|suicidle|suicidel|suicid"),
    Phrase(
        "self_harm.end_it",
        r"(end|ending|finish|finishing|take|taking|took|stop|stopping) (it all|my life|my own life|"
        r"my life now|everything|it tonight|it now|it all now|my existence)"
        r"|end(ing)? things(?! with)|(end|ending|ended) it(?! with| there| here| for| on| after| "
        r"before| at| early| off)",
    ),
    Phrase(
        "self_harm.not_live",
        r"(not|never|no longer|no more) (want|wanting|wanted) (to|2) (live|be alive|exist|be here|"
        r"be around|wake up|carry on|go on|be on this earth|be in this world|be living|breathe)"
        r"|(tired|sick) of (living|being alive|life|existing|it all)"
        r"|(sleep|sleeping) and (never|not) (wake|waking) up"
        r"|(want|wish|hope|hoping|pray) ~2 (never|not|do not) (to )?wake up"
        r"|(sleep|go to sleep|to sleep|sleeping) (forever|for ever|and never wake)"
        r"|(can not|could not|not able to) (cope|go on|carry on|take it|take this|do this|handle "
        r"it|handle this|deal with it|live like this) (anymore|any more|no more|much longer)"
        r"|(give|giving|gave|given) up on (everything|life|myself|living)",
    ),
    Phrase(
        "self_harm.no_point",
        r"point (in |of )?(me )?(living|life|being alive|being here|carrying on|going on|"
        r"existing|anything|it all|trying anymore|me being here|me being alive|me)(?! (to|in) )",
    ),
    Phrase(
        "self_harm.not_around",
        r"not going to be (around|here|alive) (much |for )?(longer|long|anymore|any more|tomorrow|"
        r"next week|by)"
        r"|(this is|saying|say|said) (my )?(goodbye|goodbyes)|goodbye forever|final goodbye",
    ),
    Phrase(
        "self_harm.overdose",
        r"overdose|overdosed|overdosing|overdoses|(take|took|taking|taken|had|have) an? od"
        r"|(take|took|taking|taken|swallowed|swallow|swallowing|necked|had|have) "
        r"(a |an |the )?(load of|loads of|lots of|a lot of|all|all of|all my|all the|the whole|"
        r"a whole|a bunch of|handful of|a handful of|packet of|a packet of|box of|a box of|"
        r"bottle of|a bottle of|loads|lots|too many|20|30|50) ~2 "
        r"(tablets|pills|paracetamol|meds|medication|painkillers|sleeping pills|antidepressants)",
    ),
    Phrase(
        "self_harm.method",
        r"(jump|jumping|jumped|throw myself|throwing myself|threw myself|step|stepping|walk|"
        r"walking|lie|lying) (off|in front of|from|into|under) (a |the )?(bridge|roof|building|"
        r"train|trains|car|cars|bus|lorry|cliff|tower|block|balcony|window|motorway|river|canal|"
        r"traffic|railway)"
        r"|(cut|cutting|cuts|slit|slitting|slash|slashing|slice|slicing) (my )?(wrists|wrist|arms|"
        r"arm|legs|leg|thighs|thigh|skin|stomach|veins|throat)"
        r"|(burn|burning|burnt|burned) (my )?(arms|arm|legs|leg|skin|wrists|hand|hands|thighs)"
        r"|(till|until) (they|it|i|my skin|my arms) (bleed|bleeds|bled|bleeding)"
        r"|(pills|tablets|paracetamol|meds|medication|painkillers) ~8 (took|taken|take|taking|"
        r"swallowed|swallow|had) (too many|loads|all of them|the lot|the whole)"
        r"|(took|taken|take|taking|swallowed|had) (too many|all of the|all the|all my|the whole "
        r"packet of|a whole packet of) (pills|tablets|paracetamol|meds|medication|painkillers)"
        r"|noose|ligature|(rope|belt) (round|around) my neck",
    ),
    Phrase(
        "self_harm.planning",
        r"(plan|planned|planning|list|worked out|work out|know|knows|decided|thought about|"
        r"thinking about|researched|looked up|googled) (of )?(how|when|where) (i would|i will|i am "
        r"going to|i could|i can|i should|to) (do it|end it|kill myself|die|end my life|go|jump)"
        r"|who (gets|will get|should get|can have|could have|would get) my (stuff|things|phone|"
        r"clothes|belongings|money)"
        r"|(giving|give|gave|given) away (all )?my (stuff|things|belongings|clothes|stuff)"
        r"|(suicide|goodbye) (note|notes|letter|letters)|wrote (a )?(note|letter|letters|notes) "
        r"(for|to) ~3 (when|after|for when) i",
    ),
    Phrase(
        "self_harm.voices",
        r"(voices|voice|my head|my brain|my mind|something) ~3 (tell|tells|telling|told) me to "
        r"(hurt|harm|kill|cut|die|end|jump)",
    ),
    # ---------------------------------------------------------------- abuse
    Phrase("abuse.physical", r"(<hit>) me"),
    # Harm to a brother, sister or parent at home, told by the young person.
    Phrase(
        "abuse.physical_other",
        r"(dad|mum|mam|carer|carers|stepdad|stepmum|foster (dad|mum|carer|carers)|uncle|"
        r"boyfriend|partner|he|she|they) (<hit>|<touch>) (her|him|my (little |baby |big |younger "
        r"|older )?(sister|brother|sisters|brothers|siblings|mum|mam|sis|bro))",
    ),
    Phrase(
        "abuse.physical_passive",
        r"(get|gets|got|getting|been|being|was|am|i am|keep getting) (hit|beaten|beat|battered|"
        r"slapped|punched|kicked|strangled|choked|whipped|smacked|attacked|assaulted|burnt|"
        r"burned|belted|thumped|hurt|abused|bashed|twatted|decked)",
    ),
    Phrase("abuse.sexual_touch", r"(<touch>) me"),
    Phrase(
        "abuse.sexual",
        r"rape|raped|raping|rapist|molest|molested|molesting|molester|paedo|pedo|paedophile|"
        r"pedophile|nonce"
        r"|sexual(ly)? (abused|assaulted|touched|abuse|assault|attacked)"
        r"|(touched|touches|touch|touching) me (where|in my|down|on my|between|under|private)"
        r"|(private|privates|private parts|down there) ~3 (touch|touched|touches|touching)"
        r"|(<touch>) (my|me on my|me on the|me up my) (legs|leg|thigh|thighs|body|bum|chest|boobs|"
        r"breasts|privates|private parts|bits|crotch|bottom|backside|top|skirt|knickers|pants)",
    ),
    Phrase(
        "abuse.made_me",
        r"(made|makes|make|making|forced|forces|force|forcing) me (to )?(touch|suck|kiss|undress|"
        r"strip|watch porn|watch them|get naked|take my clothes off|have sex|do sexual|do stuff|"
        r"do things|do it|sleep with|give him|give her|show him|show them|lie with|lay with|"
        r"get in bed|get into bed|sit on)",
    ),
    Phrase(
        "abuse.watches_me",
        r"(watch|watches|watched|watching|look at|looks at|looked at|looking at|film|films|"
        r"filmed|filming|peep|peeps|peeping|spy on|spies on|spying on|photograph|photographs|"
        r"take pictures of|takes pictures of|took pictures of|record|records|recorded) me "
        r"(in the shower|in the bath|showering|having a shower|having a bath|getting changed|"
        r"get changed|changing|undress|undressing|naked|in bed|sleeping|when i am (changing|"
        r"sleeping|asleep|in the shower|in the bath|naked|getting changed))"
        r"|(bathroom|shower|bath|toilet|changing room|my bedroom|my room) ~5 (watch|watches|"
        r"watching|watched|stare|stares|staring|stared|look at|looks at|looking at|film|films|"
        r"filming|filmed|peep|peeps|peeping) (at )?me",
    ),
    Phrase(
        "abuse.coerced",
        r"if i (do not|did not|will not|stop|refuse|say no|said no|tell|told|leave|left|quit|try "
        r"to leave|try to stop|do not do|do not pay|can not pay|grass|snitch|go to the police) ~6 "
        r"(they|he|she|them|the gang|the olders|the lads|the men) (will|would|are going to|is "
        r"going to|gonna|said they will|said he will|said they would|said he would|say they "
        r"will|say he will) (hurt|kill|come|get|find|batter|stab|beat|do|post|send|share|tell|"
        r"burn|shoot|jump|smash|rape|show)",
    ),
    Phrase(
        "abuse.secret",
        r"our (little )?secret|(keep|kept|keeping) (it|this|that|them) (a |our )?secret"
        r"|(say|said|says|told me|tells me) (it is|its|this is|it was) (a |our )?secret"
        r"|if i (ever )?(tell|told|say|said|speak|spoke|grass|snitch) (anything )?(to )?(anyone|"
        r"anybody|someone|somebody|the police|police|my carer|my sw|my social worker|a teacher|"
        r"staff|you|about)",
    ),
    Phrase(
        "abuse.neglect",
        r"(lock|locks|locked|locking) me (in|out|up)"
        r"|(do not|does not|did not|will not|never|not|no|wont) (give|gives|feed|feeds|let|lets) "
        r"me (any )?(food|eat|to eat|feed|dinner|tea|meals|breakfast|water|drink)"
        r"|(not|no) (allowed|let) (to )?(eat|have food|drink|have dinner|have tea)"
        r"|(starve|starves|starved|starving) me|(no|not any|not enough) food (for me|in the house)"
        r"|(do not|does not|did not|will not|never|not|wont|refuse to|refuses to) (feed|feeds) me",
    ),
    Phrase(
        "abuse.throws",
        r"(throw|throws|threw|throwing|thrown|chuck|chucks|chucked|chucking|lob|lobs|lobbed) "
        r"(stuff|things|plates|a plate|cups|a cup|a chair|chairs|objects|shoes|a shoe|bottles|"
        r"a bottle|his phone|her phone|knives|a knife|food|a glass|glasses|mugs|a mug) at me",
    ),
    Phrase(
        "abuse.restraint",
        r"(pull|pulls|pulled|pulling|yank|yanks|yanked|drag|drags|dragged|grab|grabs|grabbed) "
        r"(me by )?my hair|by (the|my) (neck|throat|hair)|(hands|hand) (round|around|on) my "
        r"(neck|throat)|pin|pins|pinned|pinning|held me down|holds me down|hold me down",
    ),
    Phrase(
        "abuse.marks",
        r"bruises? (from|off|cos|because|where|on my (face|neck|arms|arm|back|legs|body|ribs))"
        r"|black eye|(left|leaves|leave|gave|gives|give) me (marks|bruises|a bruise|a black eye|"
        r"scars|a fat lip|a split lip)",
    ),
    Phrase(
        "abuse.emotional",
        r"(call|calls|called|calling) me (worthless|useless|a waste|a mistake|a burden|disgusting|"
        r"evil|a slag|a slut|a whore|a bitch|a c|retarded|a retard|a freak)"
        r"|(says|said|tells|told|telling|saying|keeps saying) (me )?(i am|i was|im|that i am|"
        r"that i was) (worthless|useless|a waste|a mistake|nothing|a burden|disgusting|evil|"
        r"unwanted|a problem|not wanted|unlovable)"
        r"|(scream|screams|screamed|screaming|swear|swears|swore|swearing|shout|shouts|shouting|"
        r"yell|yells|yelling) at me ~3 (every|all the time|constantly|for no reason|everyday|"
        r"always|nonstop|when (he|she|they) (is|are|gets|get) (drunk|angry|high))"
        r"|(threaten|threatens|threatened|threatening) to (send me back|kick me out|put me in)",
    ),
    Phrase(
        "abuse.abused",
        r"(i am|been|being|was|got|get|getting|gets|keep getting) (sexually |physically |"
        r"emotionally |mentally )?(abused|assaulted|molested|raped|mistreated|neglected)"
        r"|abusive (to me|towards me|carer|foster|dad|mum|stepdad|stepmum|home|relationship|"
        r"partner|boyfriend|girlfriend|parents|family|uncle)"
        r"|(is|are|was|gets|get|being|been) (so |really |very )?abusive"
        r"|domestic (abuse|violence)|(physical|emotional|sexual|mental) abuse",
    ),
    Phrase(
        "abuse.body_comments",
        r"(says|said|saying|comments|comment|commenting|talks|talking|stuff|things|jokes) "
        r"about my (body|boobs|breasts|bum|chest|legs|figure|bits)",
    ),
    # ---------------------------------------------------------------- sexual exploitation
    Phrase(
        "sexual_exploitation.nudes",
        r"nudes|nude (<pics>)|naked (<pics>)|dick (<pics>)"
        r"|(<pics>) (of me )?(naked|in my underwear|in my bra|in underwear|with no clothes|"
        r"without clothes|without my clothes|topless)"
        r"|in my (underwear|bra|pants|knickers)",
    ),
    Phrase(
        "sexual_exploitation.asks_pics",
        r"(want|wants|wanted|wanting|ask|asks|asked|asking|beg|begs|begging|pressure|pressures|"
        r"pressured|pressuring|make|makes|made|making|force|forces|forced|get|gets|got|keeps "
        r"asking|keep asking|telling|told|tells|expects|expect|expected) (me )?(to )?(send|sending|"
        r"for|to see|to take|take) (him |them |her |he |some |my |more )?(<pics>|sexy|sexual|rude|"
        r"dirty|naughty)",
    ),
    Phrase(
        "sexual_exploitation.sent_sexual",
        r"(send|sends|sent|sending|show|shows|showed|showing|messaging|messages|messaged|"
        r"message|texting|texts|texted|text|dm|dms|dming|snapping|snaps|snapped) me (sexual|sexy|"
        r"dirty|rude|naked|"
        r"explicit|porn|nude|inappropriate|his|her) (<pics>|messages|stuff|things|texts|dick|"
        r"bits|private)|(send|sends|sent|sending|show|shows|showed|showing) me porn",
    ),
    Phrase(
        "sexual_exploitation.blackmail",
        r"blackmail|blackmails|blackmailing|blackmailed|sextortion|sextort|sextorted|sextorting"
        r"|(threaten|threatens|threatened|threatening|going|gonna|said he would|said they would|"
        r"says he will|says they will) (to )?(post|share|send|leak|show|put|spread) ~3 "
        r"(<pics>|nudes|them online|it online|everywhere|to everyone|my family|my school)",
    ),
    Phrase(
        "sexual_exploitation.older_gifts",
        r"older (<olderp>) ~6 (give|gives|gave|giving|buy|buys|bought|buying|pay|pays|paid|paying|"
        r"send|sends|sent|sending|offer|offers|offered|take|takes|took|taking|pick|picks|picked|"
        r"drive|drives|drove|want|wants|wanted|ask|asks|asked|asking|make|makes|made|making|"
        r"get|gets|got|invite|invites|invited|treat|treats|treated|message|messages|messaged|"
        r"text|texts|texted|touch|touches|touched|owe|owes) (me|us)"
        r"|(with|to|by) (some |these |those |a few |an |loads of )?older (men|man|guys|guy|blokes|"
        r"bloke|lads|adults)",
    ),
    Phrase(
        "sexual_exploitation.age_gap",
        r"(boyfriend|girlfriend|bf|gf|he|she|guy|man|bloke|him|they|partner) (is|are|who is|"
        r"thats|that is|was) (like |about |around |nearly |almost |over |in his )?"
        r"(1[89]|2[0-9]|3[0-9]|4[0-9]|5[0-9]|twenties|thirties|forties|20s|30s|40s|an adult|"
        r"a grown man|a grown up|grown)(?! (minutes|mins|seconds|quid|pounds|percent|pence|p))"
        r"|(way|much|loads|lot|a lot|lots|years|ten years|10 years|15 years|20 years) older "
        r"than me",
    ),
    Phrase(
        "sexual_exploitation.grooming_lines",
        r"mature for (my|your|her|his) age|(older|more grown up|more mature) than (girls|boys|"
        r"kids|people) (my|your|her|his) age|(our|a) special (secret|friendship|relationship)"
        r"|(1[89]|[2-5][0-9]) (year|years|yr|yrs) old (man|guy|bloke|lad|boyfriend|keeps|wants|"
        r"asked|asks|asking|messages|messaging|messaged|snapping|snaps|snapped|texting|texts|"
        r"dms|is messaging|is snapping|sends|sent|sending|picks|picked|wants)",
    ),
    Phrase(
        "sexual_exploitation.paid_for",
        r"(money|cash|pay|pays|paid|paying|give me|gives me|gave me|giving me|buys me|bought me|"
        r"buy me) (me )?for (sex|stuff|it|things|pics|nudes|favours|favors|doing stuff|"
        r"doing things|sexual|sleeping|being with)"
        r"|(sex|sexual stuff|sexual things|favours|favors|pics|nudes) for (money|cash|weed|drugs|"
        r"vapes|alcohol|drink|a place to stay|somewhere to stay|somewhere to sleep|a bed|food|"
        r"a lift|gifts|presents)",
    ),
    Phrase(
        "sexual_exploitation.transaction",
        r"if i (do|did|will do|would do|give|gave|send|sent) (stuff|things|it|favours|favors|bits|"
        r"sexual (stuff|things)|something|anything|pics|nudes|him|them|what he|what they)"
        r"|(place|somewhere|bed|room) to (stay|sleep|crash) ~3 if i",
    ),
    Phrase(
        "sexual_exploitation.invited_back",
        r"(ask|asks|asked|asking|want|wants|wanted|tell|tells|told|telling|invite|invites|invited|"
        r"inviting|beg|begs|begging|keeps asking|keep asking|pressure|pressures|pressuring) me "
        r"(to )?(come|go|stay|sleep|get) (to|round|over|back|up|in|at|into) (to )?"
        r"(his |their |a |the )?(flat|house|place|car|van|hotel|gaff|room|bedroom|back room)",
    ),
    Phrase(
        "sexual_exploitation.free_stuff",
        r"(man|men|guy|guys|bloke|blokes|lads|stranger|strangers|adult|adults|boyfriend) ~6 "
        r"(give|gives|gave|giving|buy|buys|bought|buying|keeps giving|keeps buying) me (free |"
        r"loads of |lots of )?(stuff|things|food|vapes|drinks|drink|presents|gifts|money|lifts|"
        r"rides|credit|top ups|clothes|a phone|weed|nails|hair)",
    ),
    Phrase(
        "sexual_exploitation.sleep_with",
        r"(have to|had to|made me|make me|makes me|making me|forced me to|force me to|forces me "
        r"to|pressure me to|pressured me to|pressures me to|want me to|wants me to|wanted me to|"
        r"expect me to|expects me to|expected me to|tell me to|tells me to|told me to|got me to|"
        r"get me to) (sleep with|have sex|do sexual|do (stuff|things|it|favours|bits) "
        r"(with|for|to) (them|him|men|his|their|older|guys|people|strangers|her|some|other))",
    ),
    Phrase(
        "sexual_exploitation.groomed",
        r"groom|groomed|grooming|grooms|groomer"
        r"|(?<!criminally )(?<!criminal )(exploited|exploiting|exploitation|exploit me|exploits me)"
        r"|cse|pimp|pimps|pimped|pimping|prostitute|prostitution|prostituting|sex work|"
        r"sex worker|escort|escorting|sugar daddy|sugar daddies",
    ),
    Phrase(
        "sexual_exploitation.do_not_tell",
        r"(says|said|tells|told|telling|saying|asked|asks|asking|warned|warns) (me )?(not to|"
        r"do not|to not|never to|never|to never|i must not|i can not|i cannot) (tell|say|mention|"
        r"speak) (anyone|anybody|no one|noone|my carer|my carers|my foster|my social worker|"
        r"my sw|my mum|my dad|my key worker|my keyworker|staff|the staff|my pa|the police|police|"
        r"people|a soul|my teacher|teachers|social services|about)",
    ),
    Phrase(
        "sexual_exploitation.online_meet",
        r"(online|snap|snapchat|insta|instagram|tiktok|discord|whatsapp|telegram|xbox|"
        r"playstation|fortnite|roblox|an app|the internet|a game|dating app|tinder|grindr|"
        r"facebook|kik|omegle|twitter|reddit) ~8 (meet up|meet me|meet him|meet her|meet them|"
        r"to meet|his flat|his house|his car|his place|their flat|their house|hotel|money|"
        r"secret|not to tell|not tell|pics|picture|pictures|photos|send him|come over|"
        r"come round|pick me up|gifts|presents)",
    ),
    Phrase(
        "sexual_exploitation.taken_to",
        r"(take|takes|took|taking|drive|drives|drove|driving|bring|brings|brought) me (to|round "
        r"to|around to|round|around) (flats|a flat|his flat|their flat|hotels|a hotel|houses|"
        r"their house|his house|his mates|their mates|parties|a party|partys|other towns|"
        r"different places|different houses|different flats|strangers|a car park|car parks)"
        r"|(hotel|hotels|flat|flats|party|parties|car) ~3 (older|men|man|guys|blokes|adults)"
        r"(?! (pick|picks))",
    ),
    Phrase(
        "sexual_exploitation.sold_body",
        r"(sell|sells|selling|sold) (my body|myself|my self|her body|their bodies|sex|pics of "
        r"myself|my pics|my nudes)",
    ),
    Phrase(
        "sexual_exploitation.get_in_car",
        r"(ask|asks|asked|asking|tell|tells|told|telling|trying to get|try to get|tries to get|"
        r"tried to get|want|wants|wanted|make|makes|made|keep asking|keeps asking) me (to )?get "
        r"in(to)?( (his|their|the|a|an|this|that))?( (car|van|cars|motor|taxi))?",
    ),
    Phrase(
        "sexual_exploitation.shared",
        r"(share|shares|shared|sharing|pass|passes|passed|passing|lend|lends|lent|sell|sells|"
        r"sold|swap|swaps|swapped) me (with|to|round|around|on to|onto|between|about)",
    ),
    Phrase(
        "sexual_exploitation.gifts",
        r"(give|gives|gave|giving|buy|buys|bought|buying|get|gets|got|getting|bring|brings|"
        r"brought) me (free )?(weed|drugs|vapes|vape|alcohol|booze|drink|drinks|fags|cigarettes|"
        r"cigs|pills|coke|ket|nitrous|nos|balloons|spliffs|joints)",
    ),
    Phrase(
        "sexual_exploitation.money_from",
        r"(man|men|guy|guys|bloke|blokes|stranger|strangers|someone|somebody|boyfriend|bf|older|"
        r"lads|he|they) ~4 (give|gives|gave|giving|send|sends|sent|sending|pay|pays|paid|"
        r"paying|transfer|transfers|transferred) (me )?(money|cash|loads|quid|pounds|£)",
    ),
    # ---------------------------------------------------------------- criminal exploitation
    Phrase(
        "criminal_exploitation.made_to",
        r"(make|makes|made|making|force|forces|forced|forcing|get|gets|got|getting|want|wants|"
        r"wanted|tell|tells|told|telling|pressure|pressures|pressured|pay|pays|paid|paying|"
        r"have|has|had|ask|asks|asked|asking) (me|us) (to )?(sell|selling|sold|deal|dealing|"
        r"carry|carrying|deliver|delivering|move|moving|hold|holding|hide|hiding|keep|keeping|"
        r"stash|stashing|run|running|drop|dropping|steal|stealing|rob|robbing|shoplift|"
        r"shoplifting|nick|nicking|plug|plugging|bank|banking|launder|take|taking|bring|"
        r"bringing|cook|cooking) ~2 (<drugs>|from shops|from people|from the shop|from the "
        r"shops|for them|for him|for the|for some|for a man|knife|knives|gun|guns|phones|bikes|"
        r"cash|money|things|weapons|a weapon|the line|the phone)",
    ),
    Phrase(
        "criminal_exploitation.made_to_passive",
        r"(forced|made|pressured|threatened|paid|groomed|being forced|being made|being pressured|"
        r"being paid) (to|into) (sell|selling|deal|dealing|carry|carrying|deliver|delivering|"
        r"hold|holding|hide|hiding|stash|stashing|steal|stealing|rob|robbing|shoplift|"
        r"shoplifting|plug|plugging|do runs|do drops|doing runs|doing drops|run drugs|"
        r"move drugs|go country|going country|work for)",
    ),
    Phrase(
        "criminal_exploitation.county_lines",
        r"county lines?|countylines|(going|go|gone|went|sent|send|sends|sending|took|take|taken|"
        r"been) (out |up |down )?(country|cunch|ot|o t|out of town|up north|down south)"
        r"|(trips|trip|journeys|journey|runs|drops|going) (out of town|ot|up country|to other "
        r"towns|to another town|to different towns|to other cities|to another city)"
        r"|trap house|traphouse|trap phone|trapping|trappin|bando|burner|burner phone|"
        r"line phone|deal line|work phone|graft phone|cuckoo|cuckooing|cuckooed",
    ),
    Phrase(
        "criminal_exploitation.shotting",
        r"shotting|shotter|shotters|shotted|shots for"
        r"|(sell|sells|selling|sold|deal|deals|dealing|graft|grafting|shot|running|run|runs|ran|"
        r"carrying|carry|carries|delivering|deliver|moving|move|holding) for (them|him|the "
        r"olders|olders|a gang|the gang|some (guys|men|lads|people|olders|man)|a (man|guy)|these "
        r"(guys|men|lads|people)|his (mates|cousin|brother))",
    ),
    Phrase(
        "criminal_exploitation.selling",
        r"(sell|sells|selling|sold|deal|deals|dealing|dealt|carry|carries|carrying|carried|"
        r"deliver|delivers|delivering|delivered|move|moves|moving|moved|hold|holds|holding|held|"
        r"hide|hides|hiding|hid|stash|stashes|stashing|stashed|bag|bagging|weigh|weighing) "
        r"(up )?(the |some |their |his |all the )?(drugs|weed|crack|coke|cocaine|heroin|ket|"
        r"ketamine|pills|nangs|spice|wraps|class as|bud)",
    ),
    Phrase(
        "criminal_exploitation.holding_for",
        r"(hold|holds|holding|held|keep|keeps|keeping|kept|hide|hides|hiding|hid|stash|stashes|"
        r"stashing|stashed|look after|looking after|looked after|mind|minding|minded|carry|"
        r"carries|carrying|carried|deliver|delivering|delivered|drop|dropping|dropped|move|"
        r"moving|moved|run|running|ran) (a |the |some |this |these |that |those |their |his |"
        r"her )?(stuff|things|package|packages|parcel|parcels|bag|bags|drugs|weed|knife|knives|"
        r"gun|guns|shank|blade|blades|money|phone|phones|box|boxes|pack|packs|food|bits|work|"
        r"product) ~4 for (him|them|a|some|the|these|this|those|his|their|older|people|someone|"
        r"somebody|a guy|a man|her|my cousins|my mates cousin|my friends cousin|gangs|a gang)",
    ),
    Phrase(
        "criminal_exploitation.weapon",
        r"(carry|carrying|carries|carried|have|has|had|got|hold|holding|held|hide|hiding|hid|"
        r"keep|keeping|kept|stash|stashing|bring|bringing|brought|pulled|pull|pulls|pulling|waved|"
        r"waving|wave|with|pointed|points|pointing) (a |an |the |his |their |her |this |some )?"
        r"(knife|knives|blade|shank|machete|gun|strap|nank|zombie knife|weapon|weapons|"
        r"rambo|crowbar|hammer)",
    ),
    Phrase(
        "criminal_exploitation.debt",
        r"work (it|the debt|this debt|that debt|what i owe|it all) off"
        r"|(pay|paying|paid|work|working|worked) off (what i owe|my debt|the debt|a debt|"
        r"what we owe)"
        r"|(debt|owe|owes|owed|owing) ~6 (work it off|hurt me|stab|kill|do jobs|do runs|"
        r"do drops|or else|or they|or he|pay it back|pay it off|pay them back|pay him back|"
        r"hurt my|come for me|coming for me|find me)"
        r"|(i |we )?(owe|owes|owed|owing) (him|them|a man|a guy|some man|some men|some guy|"
        r"some guys|some lads|some people|these|those|the man|the guy|the lads|the men|this "
        r"man|this guy|a gang|the gang|a debt|loads|a lot|the olders|olders|a dealer|dealers|"
        r"the dealer|people|money to|someone|somebody)",
    ),
    Phrase(
        "criminal_exploitation.runs",
        r"(do|doing|did|done|does|on) (a |the |some )?(runs|drops|run|drop|jobs|job|shots|"
        r"deliveries|missions|mission) (for|to) (him|them|his|their|some|the|a|these|those|this|"
        r"older|olders|my mates|my friends|my boyfriends|my bfs)"
        r"|(making|make|makes|made|force|forcing|forced|forces|get|gets|got) (me|us) (do|doing|"
        r"go on|to do) (drops|runs|jobs|a drop|a run|a job|missions|a mission|shots|deliveries)"
        r"|(doing|do|did|done) (drops|runs) (to|in|around|round|for)"
        r"|(doing|do|did|done) (drops|runs)(?! (on|at|in) (the )?(track|park|beach|treadmill))",
    ),
    Phrase(
        "criminal_exploitation.sent_away",
        r"(send|sends|sent|sending|take|takes|took|taking|drive|drives|drove|put|puts) me (on )?"
        r"(to|out to|on a train to|the train to) (another|other|different|a different|a new|"
        r"loads of|random) (city|cities|town|towns|place|places|area|areas|county|counties)"
        r"|(train|trains|coach|bus|taxi|uber|cab) ~3 (with|carrying) (a |the |their |his )?"
        r"(bag|package|parcel|stuff|drugs|backpack|rucksack)",
    ),
    Phrase(
        "criminal_exploitation.phone",
        r"(when|if|whenever) (it|the phone|the line|that phone) (rings|goes off|buzzes)"
        r"|go (where|wherever) (they|he|the phone|someone|the man|the guy|it|she) (say|says|said|"
        r"tell|tells|told|want|wants|send|sends|sent|takes)",
    ),
    Phrase(
        "criminal_exploitation.steal",
        r"(steal|stealing|stole|rob|robbing|robbed|shoplift|shoplifting|nick|nicking|nicked) "
        r"(for|from shops for|stuff for|things for) (them|him|the|some|a|older|these|those)"
        r"|(make|makes|made|making|force|forced|forces|forcing) (me|us) (to )?(steal|rob|"
        r"shoplift|nick|mug|break in|break into|burgle|do robberies)",
    ),
    Phrase(
        "criminal_exploitation.labour",
        r"(make|makes|made|making|force|forces|forced|forcing) (me|us) (to )?(work|working) "
        r"(for|in|at|all|every|without|with no)"
        r"|(take|takes|took|taking|keep|keeps|kept|keeping) (all )?(of )?(my|our) (money|wages|"
        r"pay|passport|passports|papers|documents|id|earnings|benefits|bank card)"
        r"|(do not|does not|did not|never) (pay|pays|paid) (me|us)",
    ),
    Phrase(
        "criminal_exploitation.plug",
        r"(plug|plugging|plugged|plugs) (a |the |some |it |them )?(package|parcel|packages|bag|"
        r"drugs|stuff|it|them|wraps)|(made|make|makes|forced|forces|making) me plug",
    ),
    Phrase(
        "criminal_exploitation.gang",
        r"(gang|gangs|gangsters|gangster|olders|elders|the older ones|postcode|opps|crew) ~5 "
        r"(make|makes|made|making|force|forces|forced|forcing|want|wants|recruit|recruiting|"
        r"recruited|after me|hurt|stab|kill|owe|threaten|threatens|threatening|threatened|"
        r"working|work|me|us)"
        r"|(work|works|working|worked|run|running|doing stuff|doing jobs|joined|join|joining|"
        r"in|part of|involved with|involved in|mixed up with|mixed up in) (for |with )?(a |the |"
        r"some |this |that )?(gang|gangs|olders)",
    ),
    Phrase(
        "criminal_exploitation.lost_stash",
        r"(lost|lose|losing|nicked|robbed|taken|took|got robbed of|got taken) (the |their |his |"
        r"some |all the )?(stuff|package|parcel|drugs|work|pack|food|bag|money|phone|product|"
        r"bits) (they|he|that they|that he|the man|the guy|the lads|the olders|i was) (gave|give|"
        r"gives|given|told|holding|carrying|supposed)"
        r"|(lost|robbed of) (the|their|his) (package|parcel|drugs|pack|stash|product)",
    ),
    Phrase(
        "criminal_exploitation.cannot_stop",
        r"(will not|would not|do not|does not|did not|not|never|wont) (let|letting) (me|us) "
        r"(stop|quit|get out|say no|leave the gang|walk away|out)"
        r"|(can not|cannot|can not ever) (get out|stop|say no|quit|leave) (of )?(it|this|now|the "
        r"gang|them)",
    ),
    Phrase(
        "criminal_exploitation.exploited",
        r"criminal(ly)? exploit(ed|ation|ing)|cce|modern slavery|trafficked|trafficking|"
        r"traffickers|smuggled me|smugglers",
    ),
    # ---------------------------------------------------------------- going missing
    Phrase(
        "missing.run_away",
        r"(run|runs|running|ran|runnin|gonna run|going to run) (away|off)"
        r"|runaway|run away|do a runner|did a runner|doing a runner|done a runner"
        r"|(going|go|went|gone) awol|abscond|absconded|absconding|absconds",
    ),
    Phrase(
        "missing.missing",
        r"(went|gone|go|going|goes|been|being|was|were|am|i am|keep going|kept going|keeps going|"
        r"reported|report|reporting|reported me|report me|reports me|declared|mispers) missing"
        r"|missing (from care|from placement|from home|from my placement|from the home|from the "
        r"placement|from my home|from the house|from my foster|from the unit|from my carers|"
        r"episode|episodes|person|persons|for (days|a day|a week|a night|weeks|nights|hours|"
        r"ages|two|three|four|five|a few|few|[0-9]+ (days|nights|weeks|hours)))",
    ),
    Phrase(
        "missing.not_going_back",
        r"(not|never|no|will not|do not|does not|did not) (be )?(coming|going|go|come|returning|"
        r"return|gonna come|gonna go|going to come|going to go|want to come|want to go|wanting "
        r"to go|wanting to come|planning on going|planning to go|planning on coming|planning to "
        r"come|ever going|ever coming|ever go|ever come) (back|home)",
    ),
    Phrase(
        "missing.stayed_out",
        r"(stay|stayed|staying|stays|been out|was out|were out|out|go out|went out|going out|"
        r"been gone|was gone) (all night|most nights|every night|overnight|all weekend|"
        r"till (the )?morning|until (the )?morning|for (two|2|three|3|four|4|a few|few|several|"
        r"days|nights|a week|the weekend)( days| nights)?)",
    ),
    Phrase(
        "missing.unknown_people",
        r"(staying|stay|stayed|sleeping|slept|living|lived|going|went|crashing|crashed|been) "
        r"(with|at|round|round at) ~4 (people|someone|somebody|men|guys|a man|a guy|him|them|"
        r"lads) (i|that i|who i|i have) (do not|did not|barely|hardly|never|dont) (really )?"
        r"(know|knew|met)"
        r"|(at|to|round) (this|some|a|these|an older) (guys|mans|blokes|older guys|older mans|"
        r"mens|lads|random) (place|flat|house|gaff|car)",
    ),
    Phrase(
        "missing.did_not_return",
        r"(did not|not|never|have not|had not|has not|haven t) (go|come|gone|been|went|came|"
        r"getting|get|got|returned|return) (home|back) (for|all|last night|till|until|since|"
        r"that night|in (two|2|three|3|days|ages)|after)",
    ),
    Phrase(
        "missing.whereabouts",
        r"(do not|does not|did not|dont|doesnt|nobody|no one|noone|not) (even )?(know|knows|knew) "
        r"where i (am|was|have been|been|sleep|slept|stay|stayed|go|went|live|am staying)"
        r"|(do not|dont) wait up"
        r"|not (going to be|gonna be|be|coming|going|staying|sleeping) (at|in|back at|back to|"
        r"home to|back) (the |my )?(<home>|carers|foster) (tonight|today|this weekend|for a while|"
        r"anymore|any more|again)"
        r"|(leave|leaving|left|sneak|sneaking|snuck|climb|climbing|climbed|get|getting|got|go|"
        r"going|went|jump|jumped|escape|escaping|escaped) ~3 (through|out of|out the|out "
        r"through|out my|from) (the |my )?(bedroom )?window"
        r"|(leave|leaving|left|go out|going out|sneak out|sneaking out|snuck out|slip out) "
        r"(at night|in the night|every night|when everyone|after everyone|after lights out)"
        r"|(sleeping|staying|slept|stayed|crashing|crashed|sofa surfing) (at|round|with|in) ~4 "
        r"(for (a week|days|weeks|a few days|ages|a while|two|three|a couple)|every night|most "
        r"nights)",
    ),
    Phrase(
        "missing.disappear",
        r"(want|wanted|wish i could|going|plan|planning|about) (to )?(disappear|vanish|go away "
        r"forever)|(disappear|vanish) (and|forever|for good|without|off the face)"
        r"|(no one|nobody|they|you) (will )?(never )?(find|finding) me"
        r"|(will not|never|not going to|won t) (ever )?(see|find|hear from) me (again|ever again|"
        r"anymore|any more)",
    ),
    Phrase(
        "missing.do_not_look",
        r"(do not|never|not|no one|nobody|no point|stop|will not) (come |coming |bother |bothering "
        r"|try |trying |to )?(look|looking|search|searching|find|finding) (for|to find) me",
    ),
    Phrase(
        "missing.left_placement",
        r"(ran|run|running|runs|escaped|escape|escaping|walked out|walk out|walking out|snuck "
        r"out|sneak out|sneaking out|climbed out|climb out|slipped out|got out) (from |of |out "
        r"of )?(the |my |a )?(placement|home|house|carers|carers house|foster|care|unit|hostel|"
        r"accommodation|window|care home|flat|supported accommodation)"
        r"|(go|going|went|gone|goes|run|ran) away from (the |my )?(house|home|placement|carers|"
        r"foster|care|hostel|family|here|everyone)",
    ),
    # ---------------------------------------------------------------- unsafe where they live
    Phrase(
        "unsafe_home.not_safe",
        r"(not|never|no|do not|does not|did not|can not|cannot|dont|never feel|not feel|not "
        r"feeling|not felt|no longer) (feel |feeling |felt |feels )?(safe|secure|safe enough)"
        r"(?! (to (drive|use|eat|swim|cycle|ride|walk on|touch|post|share|click|download)|for "
        r"(cycling|swimming|bikes|kids to play|the environment)))",
    ),
    Phrase(
        "unsafe_home.unsafe",
        r"(feel|feels|feeling|felt|am|i am|is|it is|its|was) (so |really |very |well |proper )?"
        r"(unsafe|in danger|threatened)"
        r"|(<home>|area|there|carer|carers) (is|are|feels|was|has become|got) (so |really |"
        r"very |well |proper )?(unsafe|dangerous|scary|not safe|violent)"
        r"|(it|its) (is |feels |was )?(so |really |very |well |proper )?(unsafe|dangerous) "
        r"(there|here|at home|in the house|in the flat|in the hostel|where i live)"
        r"|(unsafe|not safe|<scared>|danger) (where|in the place|in the house where) i "
        r"(live|stay|am staying|am living|sleep)",
    ),
    Phrase(
        "unsafe_home.scared_home",
        r"(<scared>) (to|of) (go|going|goes|be|being|come|coming|stay|staying|sleep|sleeping|"
        r"return|returning|get|getting) (back|home|there|in (the|my) (<home>)|at (home|night)|"
        r"in there|alone)"
        r"|(<scared>) ~6 (<home>|where i live|live|living|at night)"
        r"|(<home>) ~5 (i am|i feel|i get|makes me|feel|i always feel|i am always) (so |very |"
        r"really |proper |well |too |always )?(<scared>)"
        r"|(<scared>) to (sleep|go to sleep|go to bed|close my eyes|be alone|be on my own)"
        r"|(<scared>) of (him|her|them|my (carer|carers|foster (carer|carers|dad|mum)|dad|mum|"
        r"stepdad|stepmum|uncle|brother|boyfriend|girlfriend|ex|partner|landlord|flatmate|"
        r"housemate|neighbour|neighbours|key worker|keyworker)|the (other|older) (kids|people|"
        r"boys|girls|lads|residents|young people|man|men|tenants)|the (man|men|staff|people) "
        r"(in|at))",
    ),
    Phrase(
        "unsafe_home.scares_me",
        r"(he|she|they|him|her|them|boyfriend|girlfriend|carer|carers|dad|mum|stepdad|stepmum|"
        r"uncle|man|men|partner|ex|landlord|flatmate|housemate|staff|neighbour|neighbours) "
        r"(really |proper |so |always |keeps |keep )?(scares|scared|frightens|frightened|"
        r"terrifies|terrified|intimidates|intimidated|intimidating|scaring|frightening|"
        r"terrifying) me",
    ),
    Phrase(
        "unsafe_home.threatened",
        r"(threaten|threatens|threatened|threatening|threats|threat) (to|at|against)? ?"
        r"(me|to (hurt|kill|stab|beat|batter|hit|jump|get|burn|kick|rape|shoot|slap|attack|"
        r"bash|knife|chop|do) me)"
        r"|(said|says|saying|told me|tells me) (he|she|they) (will|would|is going to|are going "
        r"to|is gonna|gonna) (kill|stab|hurt|beat|batter|get|burn|shoot|rape|do) me"
        r"|(he|she|they|someone|somebody|people|them|man|men|gang|olders) (will|would|is going "
        r"to|are going to|going to|wants to|want to|is gonna|are gonna|gonna) (kill|stab|hurt|"
        r"shoot|batter|rape|burn|attack) me"
        r"|(i am|you are|your) (a )?dead (man|ting|boy|girl|meat)",
    ),
    Phrase(
        "unsafe_home.intruder",
        r"(kick|kicks|kicked|kicking|bang|bangs|banging|banged|smash|smashed|smashes|break|"
        r"breaks|broke|breaking|force|forced|bust|busted) (my|the) (door|window|bedroom door) "
        r"(in|down|open)"
        r"|(come|comes|coming|came|walk|walks|walking|walked|barge|barges|barging|barged|sneak|"
        r"sneaks|sneaking|creep|creeps|creeping|let himself|lets himself|let herself|lets "
        r"herself|get|gets|got) (in|into) (my |the )?(room|bedroom|bed|bathroom|shower|bath)"
        r"|lets? (himself|herself|themselves) in|letting (himself|herself|themselves) in"
        r"|(keeps|keep|kept) (coming|walking|barging|trying to get) in"
        r"|(comes|came|come|coming) in (my room )?(at night|when i am (asleep|sleeping|in bed))",
    ),
    Phrase(
        "unsafe_home.no_lock",
        r"(no|not a|is not a|there is no|without a|no working|broken|not got a|have not got a) "
        r"lock on (my|the) (door|bedroom|room|bedroom door)"
        r"|(lock|locks) (on my door |on the door )?(is|are) broken",
    ),
    Phrase(
        "unsafe_home.nowhere",
        r"(nowhere|no where|not anywhere|no place|no home|not have anywhere|not got anywhere|"
        r"have not got anywhere|do not have anywhere|did not have anywhere|not got nowhere|"
        r"have nowhere|not have a place|nowhere safe) (safe )?(to )?(go|live|stay|sleep|lay my "
        r"head)"
        r"|homeless|sleeping rough|sleep rough|slept rough|sleeps rough|sofa surfing|sofa surf|"
        r"couch surfing|sofa hopping|street homeless|on the streets"
        r"|(sleeping|slept|sleep|sleeps|living|lived|stay|staying|stayed) (on|in) (the )?"
        r"(streets?|park|parks|bus station|train station|a car|car|doorways?|a tent|tent|"
        r"stairwell|stairs|woods|a bus shelter|bus shelter|an underpass|underpass)",
    ),
    Phrase(
        "unsafe_home.kicked_out",
        r"(kick|kicks|kicked|kicking|throw|throws|threw|thrown|throwing|chuck|chucks|chucked|"
        r"chucking|put|putting|turf|turfed|turfing) me out|(being|been|got|get|getting|gets|was|"
        r"am|i am) (kicked|thrown|chucked|evicted|put|turfed) out|evicted|eviction|evicting",
    ),
    Phrase(
        "unsafe_home.violence_home",
        r"(fights|fighting|violence|violent|drinking|drunk|drugs|smashing|screaming|shouting and "
        r"hitting|police|weapons|knives) ~5 (<home>|foster)"
        r"|(<home>) ~4 (fights|fighting|violence|violent|drunk|drugs|smashing|weapons|knives)"
        r"|(get|gets|getting|goes|go) (angry|violent|aggressive|nasty|mad|scary) when (he|she|"
        r"they) (drinks|drink|is drunk|are drunk|gets drunk|get drunk|is high|are high|drinking)"
        r"|(drinks|drinking|drunk) ~4 (gets|get|getting|goes) (angry|violent|aggressive|nasty|"
        r"scary)"
        r"|(carer|carers|mum|dad|stepdad|stepmum|foster (carer|mum|dad)|parents|parent|flatmate|"
        r"housemate|boyfriend|girlfriend|partner|uncle|he|she|they) (is|are|gets|get|was|were|"
        r"keeps getting) (always |often |so |really |constantly |usually |every night )?(drunk|"
        r"wasted|high|off (his|her|their) face|off (his|her|their) head|violent|smashed|"
        r"battered|steaming)",
    ),
    Phrase(
        "unsafe_home.get_me_out",
        r"(need|have|got|want|wanna|has) to get out of (this|here|that) (<home>)"
        r"|get me out of (here|this house|this placement|this place|this flat|this hostel|there)",
    ),
    Phrase(
        "unsafe_home.dread_home",
        r"(dread|dreading|dreaded|hate|hating|scared of|fear|terrified of|frightened of) "
        r"(going|coming|being|getting|go) (home|back)"
        r"|(do not|never|not) (want|wanna|wanting) (to )?(go|be|going|come) (home|back|there)",
    ),
    Phrase(
        "unsafe_home.hiding",
        r"(lock|locks|locked|locking|barricade|barricades|barricaded|barricading) myself (in|away)"
        r"|(hide|hides|hiding|hid) (in|under|from) ~2 (bathroom|room|bedroom|toilet|wardrobe|"
        r"cupboard|bed|him|her|them) (when|until|till|because|every)",
    ),
    Phrase(
        "unsafe_home.what_happens",
        r"(because|because of|of) (what|the things|the stuff|things|stuff) (that )?(happens|"
        r"happen|goes on|happened|go on|he does|she does|they do)",
    ),
    Phrase(
        "unsafe_home.stalked",
        r"(knows|know|found out|found|find out|finds out|worked out) where i (live|am staying|"
        r"stay|am living|sleep)"
        r"|(keeps|keep|kept|always|constantly) (turning up|showing up|coming round|following me|"
        r"waiting outside|outside my|sitting outside|banging on)"
        r"|(following|follows|followed|stalking|stalks|stalked|stalker) me|stalker|stalking"
        r"|(follow|follows|followed|following) me (home|around|everywhere|to|from|back)",
    ),
    # ---------------------------------------------------------------- bullying
    Phrase(
        "bullying.bullied",
        r"bully|bullied|bullying|bullies|bullys|bullyed|cyberbully|cyberbullied|cyberbullying|"
        r"cyber bullied|cyber bullying|bulling|bullie",
    ),
    Phrase(
        "bullying.picked_on",
        r"(pick|picks|picking|picked) on (me|us)|(being|been|get|gets|getting|got|keep getting) "
        r"picked on|(gang|ganging|ganged) up on me",
    ),
    Phrase(
        "bullying.names",
        r"(call|calls|calling|called) (me|us) (names|horrible names|nasty names|rude names|bad "
        r"names|a (slag|slut|skank|tramp|freak|loser|retard|weirdo|whore|bitch|paki|terrorist|"
        r"nerd|scrounger|orphan|reject|loner|lesbian|faggot|paedo)|fat|ugly|gay|stupid|thick|"
        r"dumb|smelly|poor|a freak|a loser|an orphan|a care kid|care kid|names)",
    ),
    Phrase(
        "bullying.mocked",
        r"(laugh|laughs|laughing|laughed) at me|(make|makes|making|made) fun (of|out of) me"
        r"|(take|takes|taking|took) the (mick|mickey|micky|piss|michael) (out of|outta|out|of) me"
        r"|(mock|mocks|mocking|mocked|tease|teases|teasing|teased|torment|torments|tormenting|"
        r"tormented|taunt|taunts|taunting|taunted|humiliate|humiliates|humiliated|humiliating) me",
    ),
    Phrase(
        "bullying.rumours",
        r"(spread|spreads|spreading) ~2 (rumours|rumors|lies|stuff|things|pics|photos|videos|"
        r"gossip) (about|of) me"
        r"|(post|posts|posting|posted|put|puts|putting|share|shares|sharing|shared|upload|uploads|"
        r"uploaded) (stuff|things|pics|photos|videos|lies|rumours|memes|vids|screenshots|"
        r"horrible things|nasty things) (about|of) me",
    ),
    Phrase("bullying.fake_account", r"fake (account|accounts|page|pages|profile|profiles) ~6 me"),
    Phrase(
        "bullying.beaten_up",
        r"(beat|beats|beating|beaten|battered|batter|batters|bashed|bash) (me |us )?up"
        r"|(jump|jumped|jumping|jumps) (me|us)|(get|gets|getting|got|been) jumped",
    ),
    Phrase(
        "bullying.excluded",
        r"(nobody|no one|noone|none of them) (will |wants to |want to |ever )?(sit|talk|play|speak|"
        r"hang|hang out|walk|be friends) (with|to|near) me"
        r"|(leave|leaves|left|leaving) me out|(ignore|ignores|ignoring|ignored) me (all|every|"
        r"on purpose)|everyone (hates|ignores) me",
    ),
    Phrase(
        "bullying.push_around",
        r"(push|pushes|pushing|pushed|shove|shoves|shoving|shoved|kick|kicks|kicking|trip|trips|"
        r"tripping|tripped) me (around|about|over|into)",
    ),
    Phrase(
        "bullying.took_my",
        r"(they|kids|boys|girls|people|lads|someone|somebody|older kids|year) (took|take|takes|"
        r"nick|nicked|nicks|steal|stole|steals|stealing|snatch|snatched|taking) my (phone|money|"
        r"lunch|lunch money|dinner money|stuff|bag|things|trainers|coat|bus pass)",
    ),
    Phrase(
        "bullying.hate_speech",
        r"(racist|homophobic|transphobic|sexist|islamophobic) (things|stuff|names|comments|abuse|"
        r"slurs|remarks|jokes|to me|about me|at me|messages)"
        r"|(because|just because) (i am|i was) (in care|from another country|black|gay|muslim|"
        r"foreign|a refugee|trans|fat|different|disabled|an asylum seeker|not from here|lesbian|"
        r"bi)",
    ),
    Phrase(
        "bullying.harassed",
        r"harass|harassed|harassing|harassment|harasses|threatening messages|(abuse|abusive|nasty|"
        r"horrible|hate) (messages|comments|texts|dms)",
    ),
    Phrase(
        "bullying.told_to_die",
        r"(told|tell|tells|telling|said|says|saying) (me )?to (kill myself|go die|die|kill "
        r"yourself|end it|hang myself|hang yourself)|kill yourself|go die|go and die",
    ),
    Phrase(
        "bullying.dread_school",
        r"(dread|dreading|scared of|scared to|terrified of|frightened of|afraid of|afraid to) "
        r"(go|going|be|being) (in|into|to) (school|college|class|lessons)"
        r"|(scared|afraid|frightened|terrified) to (go|going) (in|to school|to college)",
    ),
    Phrase(
        "bullying.insulted",
        r"(saying|says|said|say|calling|tell|telling|tells|told|post|posting|posted|comment|"
        r"comments|commenting|write|writes|writing|wrote) (me |that |to me that )?(i am|i was|"
        r"i look) (ugly|fat|disgusting|worthless|a loser|a freak|a slag|a slut|a tramp|a skank|"
        r"smelly|stupid|thick|weird|gross|dirty|a waste|nothing|pathetic|a nobody|poor)"
        r"|(saying|says|said|say|tell|telling|tells|told) (me |that )?(i )?(should|ought to|"
        r"need to|to) (disappear|die|kill myself|go away and die|leave|not exist|not be alive|"
        r"drop dead)",
    ),
    Phrase(
        "bullying.hiding",
        r"so (that )?(they|he|she|people|nobody|no one|the [a-z]+|the [a-z]+ [a-z]+ [a-z]+ "
        r"[a-z]+|the [a-z]+ [a-z]+ [a-z]+) (can not|cannot|will not|do not|does not|would not|"
        r"dont|cant|wont) (get|find|see|hurt|bother|hit|jump|touch|reach|get to|pick on) me"
        r"|(hide|hiding|hid|eat|eating|ate|spend|spending) ~3 in the (toilets|toilet|loos|loo|"
        r"library|cupboard) (so|because|cos|to get away|to avoid|away from)",
    ),
    Phrase(
        "bullying.what_they_say",
        r"(because|because of) (of )?what (they|people|he|she|kids|everyone|the (girls|boys|lads|"
        r"kids|others)) (say|said|says|do|did|does|post|posted|put) (to|about|online about) me",
    ),
    Phrase(
        "bullying.put_down",
        r"(say|says|said|saying|tell|tells|told|telling) ~2 (my (mum|dad|family|parents|mam)|"
        r"no one|nobody) (do not|does not|did not|never|dont|doesnt) (want|wanted|wants|love|"
        r"loves|loved|care|cares)",
    ),
)


def near(first: str, second: str, words: int = 4) -> str:
    """Either pattern within `words` other words of the other, in either order, in one sentence.

    The cues below use it for a strong word and the first person or an object of harm: a cue
    word alone is often benign ("blade", "pills"), the two together rarely are.
    """
    return f"(?:{first}) ~{words} (?:{second})|(?:{second}) ~{words} (?:{first})"


# Cues: general, per category lexicons of strong words and stems, most of them tied to the young
# person (me, my, myself) or to an object of harm by proximity. They generalise beyond the
# phrasings the list above was tuned on; the guards below still blank the harmless senses.
CUES: Final[tuple[Phrase, ...]] = (
    # ---------------------------------------------------------------- self-harm and suicide
    Phrase("self_harm.cue_unalive", r"unalive|unalived|unaliving|unalives"),
    Phrase(
        "self_harm.cue_sh",
        near(
            r"sh",
            r"again|relapse|relapsed|relapsing|urge|urges|scars|cuts|did|done|doing|started|"
            r"stopped|clean|free|last night|tonight|my arms|my legs|my wrists|<self_body>",
            3,
        ),
    ),
    Phrase(
        "self_harm.cue_blade",
        near(
            r"blade|blades|razor|razors|razor blade|sharpener|sharpeners|scissors",
            r"myself|again|urge|urges|hide|hiding|hid|hidden|secret|cut|cuts|cutting|bleed|bled|"
            r"bleeding|blood|my (wrist|wrists|arm|arms|thigh|thighs|skin|stomach|hip|hips)",
            4,
        ),
    ),
    Phrase(
        "self_harm.cue_marks",
        near(
            r"scars|scar|scarred|cuts|fresh cuts|burns|scabs|bleeding|blood|slashes|marks",
            r"<self_body>",
            3,
        )
        + r"|(long sleeves|sleeves|hoodie|hoodies|jumper|cover|covering|covered|hide|hiding|hid)"
        r" ~6 (my )?(arms|wrists|scars|cuts|thighs)"
        r"|(no one|nobody|they|people|anyone|carer|carers|staff) (sees|see|notice|notices|can "
        r"see|will see|finds|find|found) (my )?(arms|wrists|scars|cuts|thighs|marks)",
    ),
    Phrase(
        "self_harm.cue_pills",
        near(
            r"pills|tablets|paracetamol|meds|medication|painkillers|antidepressants|sertraline|"
            r"fluoxetine|codeine|co codamol|ibuprofen|insulin",
            r"at once|in one go|all at the same time|enough to (die|kill|end|not wake)|saving|"
            r"saved|save up|saved up|saving up|stockpile|stockpiling|stockpiled|hoard|hoarding|"
            r"hoarded|stash|stashing|stashed|overdose|od|the lot|"
            r"(whole|full) (packet|box|bottle|strip|lot)",
            5,
        ),
    ),
    Phrase(
        "self_harm.cue_no_reason",
        r"(no|not any|not a|there is no|can not see any|can not see a|do not see any|do not see "
        r"the|do not have a|have no|what is the|whats the) (reason|point) (to |in |for |of )?"
        r"(me )?(live|living|be alive|being alive|be here|being here|carry on|carrying on|"
        r"keep going|keeping going|go on|going on|wake up|waking up|exist|"
        r"existing|stay alive|staying alive|breathe|breathing)"
        r"|what is (it all|any of it|any of this|life|living) (for|even for)(?= \.|$)"
        r"|why (should|would|do|am) i (even |still )?(keep going|keep living|carry on|stay alive|"
        r"go on|be here|be alive|still here|exist|wake up)",
    ),
    Phrase(
        "self_harm.cue_done_with_life",
        r"(done|finished|had enough|fed up|sick|tired) (with |of )?(life|living|being alive|"
        r"existing|this life|this world|breathing|being here)"
        r"|(want|wish|need|just want|wanting) (it|everything|it all|all of it|the pain|this pain|"
        r"this feeling|the thoughts|my life) (all )?to (stop|end|be over)(?= \.|$| forever| for"
        r" good| for ever| permanently| now| already| for me)"
        r"|(i am|i feel like|feel like i am|i am just|being|just) (a |such a |just a )?(burden|"
        r"waste of space|waste of oxygen|waste of air|waste of life)"
        r"|(can not|could not|not able to|do not want to) (do (it|this|life|any of this)|keep "
        r"(going|doing this|living|trying|fighting)|go on|carry on|cope|handle (it|this|life|"
        r"things)|deal with (it|this|life|things)|live|be (here|alive|around)|face (it|anything|"
        r"life|tomorrow)) ~2 (anymore|any more|no more|much longer|for much longer)",
    ),
    Phrase(
        "self_harm.cue_goodbye",
        r"goodbye (everyone|world|forever|for ever|for good)|sorry for everything"
        r"|(when|after|once) i am (gone|dead|not here)(?! (on|to|for))"
        r"|(if|in case) anything (happens|happened|were to happen) to me"
        r"|(last|final) (message|text) (you will|you|from me|i send|ever|anyone)"
        r"|(this is|that was) the last time (you|anyone) (will )?(hear|see)"
        r"|(you will|you|they|nobody|no one) (will )?(never|not) (hear from|see) me again",
    ),
    Phrase(
        "self_harm.cue_method_place",
        r"(jump|jumping|jumped|step|stepping|stepped|throw myself|throwing myself|thinking about|"
        r"think about|thought about|keep thinking about|stand on|standing on|stood on|edge of|"
        r"lie on|lying on|lay on) ~3 (train tracks|tracks|railway|railway line|train line|bridge|"
        r"roof|rooftop|cliff|motorway|ledge|multi storey|car park|top floor|balcony|tall building|"
        r"tower block)"
        r"|(step|stepping|stepped|jump|jumping|jumped|let myself fall) off(?= \.|$)"
        r"|(wish|want|hope|hoping|pray|praying) ~3 (hit by|run over by) (a|the) (car|bus|train|"
        r"lorry)",
    ),
    Phrase(
        "self_harm.cue_never_born",
        r"(wish|wished|wishes|wishing) (that )?(i|she|he|they|you) (was|were|had|have) never "
        r"(been )?born|(regret|regrets|regretted) (having|ever having) me",
    ),
    Phrase(
        "self_harm.cue_not_here_soon",
        r"(do not think|not sure|doubt|do not know if) (i will|ill|il|i am going to|i would) (be "
        r"(here|around|alive)|make it|last|survive) ~2 (next|tomorrow|much longer|long|by|till|"
        r"until|the (week|night|weekend)|this time)"
        r"|(i will not|i am not going to|i wont) be (here|around|alive) (next|tomorrow|much "
        r"longer|for long|by|this time)"
        r"|(what if|if|hope|wish|want|i just|maybe) i (just )?(did not|do not|never|would not|will"
        r" not) wake up",
    ),
    Phrase(
        "self_harm.cue_rope",
        near(
            r"rope|ropes|noose|ligature|ligatures",
            r"my (room|wardrobe|bag|bedroom|drawer|drawers|neck)|myself|i have|i got|got one|"
            r"bought|hidden|hide|hiding|tied|tie|tying",
            3,
        ),
    ),
    Phrase(
        "self_harm.cue_relapse",
        r"relapse|relapsed|relapsing|(days|weeks|months|years) clean|clean (streak|gone)"
        r"|(took|taken|take|taking|swallowed|had|necked) ([89]|[1-9][0-9]+|loads|lots|a lot|a "
        r"handful|handfuls) ~2 (pills|tablets|paracetamol|meds|painkillers|antidepressants|"
        r"sleeping pills|co codamol|codeine|ibuprofen)",
    ),
    # ---------------------------------------------------------------- abuse
    Phrase(
        "abuse.cue_thrown_against",
        r"(slam|slams|slammed|slamming|throw|throws|threw|thrown|throwing|shove|shoves|shoved|"
        r"shoving|push|pushes|pushed|pushing|pin|pins|pinned|pinning|chuck|chucks|chucked|drag|"
        r"drags|dragged|smash|smashed|smashes|bang|banged|bangs) (me|my (head|face|body|hand|"
        r"hands|fingers|arm|arms)) (against|into|onto|on to|in|on|down|across|to|up against|off)"
        r" (the |a |my )?(wall|walls|floor|ground|door|doors|bed|table|stairs|sofa|fridge|car|"
        r"radiator|window|cupboard|counter|sink|kitchen)",
    ),
    Phrase(
        "abuse.cue_body_part",
        r"(grab|grabs|grabbed|grabbing|twist|twists|twisted|twisting|squeeze|squeezes|squeezed|"
        r"squeezing|yank|yanks|yanked|pinch|pinches|pinched|crush|crushes|crushed|bend|bends|"
        r"bent|dig|digs|dug|scratch|scratches|scratched|punch|punches|punched|kick|kicks|kicked|"
        r"hit|hits|slap|slaps|slapped|stamp on|stamps on|stamped on|burn|burns|burnt|burned|"
        r"choke|chokes|choked|strangle|strangles|strangled|smack|smacks|smacked) (me on |me in |"
        r"me by )?my (arm|arms|wrist|wrists|neck|throat|face|head|ear|ears|hair|fingers|leg|"
        r"legs|back|stomach|ribs|chest|cheek|mouth|nose|eye|eyes|skin|jaw)"
        r"(?! (by accident|accidentally|at football|in football|at rugby|in pe|at training))",
    ),
    Phrase(
        "abuse.cue_hot_object",
        r"(<person>) ~4 (put|puts|held|holds|hold|holding|pressed|press|presses|pushed|push|"
        r"pushes|forced|forces|shoved|stuck|sticks) (my (hand|hands|arm|arms|fingers|face|head|"
        r"skin|leg|legs)|me) ~3 (on|onto|over|in|into|under|against) (the |a |his |her |their )?"
        r"(cooker|hob|oven|iron|kettle|radiator|fire|heater|candle|lighter|cigarette|fag|"
        r"hot|boiling|freezing|cold water|toilet|bath)"
        r"|(burn|burns|burnt|burned|stub|stubs|stubbed|put out|puts out) ~3 (cigarette|"
        r"cigarettes|fag|fags|ciggie|ciggies|lighter|lighters) ~3 (on|out on|onto) (me|my)"
        r"|(burnt|burned|burn|burns|scald|scalds|scalded) me (with|on|using)",
    ),
    Phrase(
        "abuse.cue_punishment",
        near(
            r"punishment|punish me|punishes me|punished me|to punish me",
            r"burn|burnt|hit|hits|belt|lock|locked|locks|outside|cold|shed|garden|cupboard|"
            r"starve|no food|not eat|without food|without dinner|kneel|stand|stood|hours|floor|"
            r"cooker|hob|iron|water|sleep|dark",
            6,
        ),
    ),
    Phrase(
        "abuse.cue_food_withheld",
        r"(not|never|will not|would not|does not|did not|do not|refuse to|refuses to|wont) (let|"
        r"lets|allow|allows|allowed) (me )?(to )?(have|eat|get|make|touch|take) (any |my |the |"
        r"some )?(food|dinner|tea|breakfast|lunch|meal|meals|anything to eat|water|"
        r"leftovers)"
        r"|(never|not|does not|do not|will not|wont) (let|lets|allow|allows) me (eat|sit|have "
        r"dinner|have tea) with (the family|them|everyone|the others)"
        r"|(only|just) (get|gets|got|give me|gives me|allowed|let me have) (leftovers|scraps|"
        r"bread|one meal)|(go|goes|went|send|sends|sent) (me )?to bed hungry"
        r"|(lock|locks|locked) (the )?(fridge|kitchen|cupboards|food)",
    ),
    Phrase(
        "abuse.cue_cruel",
        r"(make|makes|made|making) me (sleep|stay|stand|kneel|sit|wait) (on the floor|in the "
        r"garden|in the shed|in the cold|in the dark|in the cupboard|all night|outside all "
        r"night|in the corner for hours)"
        r"|(make|makes|made|making) me (sleep|kneel) (outside|for hours)",
    ),
    Phrase(
        "abuse.cue_confined",
        r"(keeps|kept|keep|shuts|shut|leaves|left) me (in|inside) (my|the) (room|bedroom|house|"
        r"flat|cupboard) ~3 (all|for|every|days|weeks|hours|weekend|day|night)"
        r"|only (lets|let|allows) me (out|leave|eat|have food)",
    ),
    # ---------------------------------------------------------------- sexual exploitation
    Phrase(
        "sexual_exploitation.cue_online_stranger",
        near(
            r"(man|men|guy|guys|bloke|lad|someone|somebody|person|stranger|strangers|account|"
            r"girl|woman|he|she) (from|on|off|i met on|i met off|i met in|i met|i only know from|"
            r"i know from|i talk to on|i talk to) (online|snap|snapchat|insta|instagram|tiktok|"
            r"discord|whatsapp|telegram|xbox|playstation|fortnite|roblox|an app|the internet|"
            r"a game|gaming|facebook|kik|omegle|wizz|yubo|twitter|reddit|minecraft|cod)",
            r"wants|want|asks|asked|asking|keeps|says|said|sends|sent|pics|photos|meet|money|"
            r"address|alone|secret|older|dm|dms|dming|video call|facetime|threatens|threatening|"
            r"gifts|buys|bought|where i live|what school",
            6,
        ),
    ),
    Phrase(
        "sexual_exploitation.cue_pics_money",
        near(
            r"(<pics>) (of me|of myself)|nudes|(my|sexy|naughty|spicy|private) (<pics>|content)",
            r"money|cash|paid|pay|pays|paying|£|quid|selling|sold|for credit|gift card|gift "
            r"cards|vouchers",
            4,
        )
        + r"|onlyfans|only fans",
    ),
    Phrase(
        "sexual_exploitation.cue_leak",
        r"(leak|leaks|leaked|leaking) (my (<pics>|nudes|number|address|stuff)|them|it|those|these|"
        r"<pics>|nudes|me)"
        r"|(has|have|got|kept|keeps|saved) (some |loads of |all |the )?(<pics>|nudes) (of|off) me"
        r" ~6 (if|unless|everyone|school|family|online|threaten|threatens|threatened|say|says|"
        r"said)",
    ),
    Phrase(
        "sexual_exploitation.cue_passed_round",
        r"(make|makes|made|making|force|forces|forced|send|sends|sent|pass|passes|passed|take|"
        r"takes|took) me (to )?(go|sleep|be|stay|hook up|link|meet) (with|round|to) (his |their |"
        r"the |some |older |other )?(mates|friends|boys|lads|men|guys|cousins|brothers|people)"
        r"|(have to|got to|gotta|must|made to|make me|makes me) (go|be nice|be friendly|hang|"
        r"chill|stay|sleep|party|link) ~3 (his|their|older|the older) (mates|friends|cousins|"
        r"brothers|boys|lads|guys|men)",
    ),
    Phrase(
        "sexual_exploitation.cue_did_stuff",
        r"(did|does|do|doing|done|tried|tries|try) (stuff|things|something|sexual (stuff|things)|"
        r"bits) (to|on) me"
        r"|(he|him|man|men|guy|guys|older|lads|boys|brother|bloke|blokes|uncle|stranger) ~3 "
        r"(got|get|gets|getting|made|make|makes|making|keep getting|keeps getting) me "
        r"(so |really )?(drunk|high|wasted|smashed|out of it|mashed|pissed|stoned|off my face)"
        r"|(spiked|spike|spikes|spiking) (me|my)",
    ),
    Phrase(
        "sexual_exploitation.cue_where_alone",
        r"(ask|asks|asked|asking|keeps asking|wants|wanted|want) ~3 (if i am (alone|on my own|by "
        r"myself|home alone)|my address|where i live|what school i go to|which school|when i am "
        r"(alone|on my own)|if anyone is (home|in)|if my (carers|carer|mum|dad) (are|is) (in|out|"
        r"home))",
    ),
    Phrase(
        "sexual_exploitation.cue_filmed",
        r"(film|films|filmed|filming|record|records|recorded|recording|videoed) (me|us) (doing "
        r"(stuff|things|it|sexual)|having sex|naked|without (my|our) (clothes|consent|permission)|"
        r"in bed|with (him|them|his|their))"
        r"|(showing|shows|showed|sharing|shares|shared|sending|sent) (it|them|the video|the vid|"
        r"the videos|videos|vids) (to |round |around )?(people|everyone|his mates|their mates|"
        r"others|the whole)",
    ),
    # ---------------------------------------------------------------- criminal exploitation
    Phrase(
        "criminal_exploitation.cue_olders",
        near(
            r"olders|elders|the older ones|older boys|older lads|older man|older men|older guys|"
            r"the mans|mandem",
            r"owe|owes|owed|debt|package|parcel|bits|line|runs|drops|selling|shot|shotting|"
            r"stash|knife|shank|trap|ot|country|missions|mission|taxed|robbed",
            5,
        ),
    ),
    Phrase(
        "criminal_exploitation.cue_debt",
        near(
            r"owe|owes|owed|owing|debt|on tick|fronted|taxed",
            r"bits|package|parcel|drugs|weed|stash|product|olders|dealer|dealers|gang|the (man|men|"
            r"lads|boys)",
            4,
        )
        + r"|(got|get|gets|getting|been) (taxed|rushed|shanked|stabbed|slashed|merked|jugged)"
        r"|on tick|fronted me",
    ),
    Phrase(
        "criminal_exploitation.cue_got_me_doing",
        r"(they|he|them|the olders|olders|the lads|lads|older lads|older boys|some lads|some "
        r"guys|the men|some men|his mates|their mates|the gang|my cousins (mates|friends)|my "
        r"brothers (mates|friends)|the mandem) (got|have|has|had|keep|keeps|kept|are making|is "
        r"making|make|makes|made|put|puts|keep getting|keeps getting|got|get|gets|getting) (me|"
        r"us) ((doing|running) (runs|drops|jobs|missions|shots|deliveries|lines)|(carrying|"
        r"holding|selling|moving|dropping|delivering|hiding|keeping|stashing|looking after) "
        r"(<drugs>|for them|for him|a knife|knives|a gun|weapons|money|phones|cash)|going (up|"
        r"down|out|country|ot|to other|to another)|jugging|shotting|trapping|grafting|on (a|the|"
        r"their|his) (line|road|roads)|to (rob|steal|jug|mug|nick|shoplift|sell|deal|stash))",
    ),
    Phrase(
        "criminal_exploitation.cue_line",
        r"(answer|answering|run|running|ran|hold|holding|on) (the|their|his|a) (line|lines|phone)"
        r" (all|every|for them|for him|24|day and night|at night)"
        r"|(jug|jugs|jugging|jugged|juggin) (people|someone|him|them|a|the|houses|cars|phones|"
        r"for)|to jug|go jugging",
    ),
    Phrase(
        "criminal_exploitation.cue_travel_bag",
        near(
            r"(going|go|goes|went|gone|sent|sending|send|sends|travel|travelling|traveling|taken|"
            r"take|takes|took) (up|down|out|over|across) (to|north|south|country)"
            r"|on school days|other towns|another town|different towns|other cities|another city",
            r"(with|carrying|holding|taking|bring|bringing) (a|the|their|his|some|this) (bag|"
            r"bags|backpack|rucksack|package|parcel|parcels|box)",
            8,
        ),
    ),
    Phrase(
        "criminal_exploitation.cue_labour",
        r"(must|have to|has to|made to|forced to|make me|makes me|made me) work (for them|for "
        r"him|for no money|without money|for free|no money|without pay|all day|all night|every "
        r"day)",
    ),
    Phrase(
        "criminal_exploitation.cue_pay_back",
        r"(pay|paying|paid|work|working) ~1 (back|off) ~4 (by|doing|with) ~1 (jobs|runs|drops|"
        r"missions|favours|favors|stuff for (them|him)|things for (them|him))",
    ),
    # ---------------------------------------------------------------- going missing
    Phrase(
        "missing.cue_nobody_knows",
        r"(nobody|no one|noone|none of them|my carers|carers|staff|the staff|my sw|my social "
        r"worker) ~4 (knows|know|knew|realised|noticed) (where i (am|was|have been|been|go|went|"
        r"stay)|i am (gone|out|not there|not back|missing)|i (left|went|have gone|had gone))"
        r"|(not|never|will not|am not|i am not|did not|have not) (telling|tell|told) ~3 where"
        r"(?= \.|$| i (am|was|went|go|stay|sleep|have been))",
    ),
    Phrase(
        "missing.cue_no_one_told",
        near(
            r"(did not|without|not|never) (tell|telling|told|letting|let) (anyone|anybody|them|"
            r"my carers|my carer|staff|the staff|the home|the placement|my sw|my social worker|"
            r"no one|nobody)",
            r"stay|stayed|staying|sleep|slept|sleeping|stayed out|night|nights|gone|left|days|"
            r"weekend|leave|leaving|run|off",
            6,
        ),
    ),
    Phrase(
        "missing.cue_days_away",
        r"(sleeping|slept|crashing|crashed|dossing|dossed|kipping|kipped) "
        r"(at|round|with|in|on) ~5 (for )?(like |about |nearly |almost |over |around )?([0-9]+|"
        r"two|three|four|five|six|seven|a few|a couple of|couple of|several) (nights|days|weeks)"
        r"|(crashing|crashed|dossing|dossed|kipping|kipped|sofa hopping|staying|sleeping) (at|"
        r"round|with) ~2 (randoms|random|strangers|peoples|whoever|anyone)",
    ),
    Phrase(
        "missing.cue_left_unit",
        r"(left|walked out of|walked out|ran out of|legged it from|legged it out of|bailed from|"
        r"dipped from|dipped out of|got out of|escaped from|escaped) (the |my )?(unit|placement|"
        r"carers|foster home|foster placement|care home|childrens home|hostel|supported "
        r"accommodation|resi|secure unit) ~6 (without|not telling|nobody|no one|never|last night|"
        r"tonight|at night|in the night|again|for good|through the window|out the window|and i am "
        r"not|and did not (go|come) back|and have not been back)",
    ),
    Phrase(
        "missing.cue_getting_away",
        near(
            r"station|coach|train|bus|motorway|hitchhike|hitchhiking|ticket",
            r"out of here|away from (here|this|everyone|them|it all)|never (come|coming|go|"
            r"going) back|not coming back|for good|forever|and not come back",
            6,
        )
        + r"|(can not|cannot) face (going|coming|being) (back|home)",
    ),
    Phrase(
        "missing.cue_sleeping_out",
        r"(sleeping|slept|kipping|kipped|dossing|dossed) (outside|rough)"
        r"|(sleeping|slept|sleep|kipping|kipped|dossing|dossed|stayed|staying) in (a|the) (car|"
        r"park|car park|stairwell|bus shelter|doorway|squat|bando|crack house|trap house)"
        r"|(did not|didnt|never) (come|go|get|got|make it|went|came) (home|back)( last night| all "
        r"night| yesterday| tonight| this weekend|(?= \.|$))",
    ),
    # ---------------------------------------------------------------- unsafe where they live
    Phrase(
        "unsafe_home.cue_door",
        r"(keeps|keep|kept|always|someone|somebody|he|they|she|people|man|lad|guy|men|lads) ~3 "
        r"(trying|tries|tried|try|rattling|rattles|rattled|forcing|forces|forced|opening|opens|"
        r"kicking|kicks|kicked) (my|the) (bedroom )?(door|door handle|handle|lock|window)"
        r"|(knocking|banging|knocks|bangs|knocked|banged) (on|at) (my|the) (bedroom )?(door|window)"
        r" ~4 (at night|in the night|late at night|every night|all night|when i am (asleep|in bed|"
        r"sleeping))",
    ),
    Phrase(
        "unsafe_home.cue_barricade",
        r"(put|puts|putting|push|pushes|pushed|pushing|wedge|wedges|wedged|wedging|prop|propped|"
        r"block|blocks|blocked|blocking|move|moved|moving|drag|dragged|sleep with|sleeping with|"
        r"slept with) (a |my |the )?(chair|chairs|wardrobe|drawers|chest of drawers|bed|"
        r"table|desk|bin|suitcase|stuff|things|something|door wedge|doorstop) ~3 (against|in "
        r"front of|behind|under|up against) (my |the )?(bedroom )?(door|door handle|handle)"
        r"|(block|blocks|blocked|blocking|barricade|barricades|barricading|barricaded) (my|the) "
        r"(bedroom )?door"
        r"|(lock|locks|locked|locking) (my|the) (bedroom )?door ~6 (because|scared|every night|at "
        r"night|when (he|she|they)|in case|so (he|she|they|nobody|no one))",
    ),
    Phrase(
        "unsafe_home.cue_smashing",
        r"(smash|smashes|smashed|smashing|break|breaks|broke|breaking|wreck|wrecks|wrecked|trash|"
        r"trashes|trashed|punch|punches|punched|punching|kick|kicks|kicked|kicking) (things|stuff|"
        r"everything|the (house|place|flat|kitchen|tv|door|doors|wall|walls|windows|window|"
        r"furniture)|doors|walls|windows|plates|holes in)"
        r"|(keeps|keep|always|every night|all night) ~2 (kicking off|kicks off|going mental|"
        r"losing it|flipping out|raging)",
    ),
    Phrase(
        "unsafe_home.cue_people_in_out",
        r"(people|men|strangers|randoms|blokes|lads|dealers|users|his mates|her mates|their mates|"
        r"guys|addicts|druggies|junkies) ~3 (in and out|coming and going|coming round|round|over|"
        r"staying over|turning up|turn up|coming in) ~3 (all night|all hours|all the time|every "
        r"night|at night|late|constantly|24 7|day and night)"
        r"|(in and out|coming and going) (all night|all hours|all the time|every night|day and "
        r"night)",
    ),
    Phrase(
        "unsafe_home.cue_carer_using",
        r"(mum|dad|mam|mums|dads|parents|carer|carers|stepdad|stepmum|flatmate|housemate|he|she|"
        r"they|boyfriend|partner) (is |are |s )?(back on|on|using|smoking|doing|injecting|"
        r"dealing) (the )?(drugs|gear|crack|heroin|smack|spice|coke|ket|meth)"
        r"|(is|are|s|mums|dads) (using|drinking) again"
        r"|(mums|dads|mum|dad|carer|carers|parents) ~2 (started|starting|back) (drinking|using) "
        r"again",
    ),
    Phrase(
        "unsafe_home.cue_scared_inside",
        r"(<scared>|too scared|nervous|anxious|on edge) (to|of) (fall asleep|falling asleep|go to "
        r"sleep|going to sleep|sleep|sleeping|close my eyes|be here|be there|stay here|stay there|"
        r"go in my room|leave my room|come out of my room|use the (kitchen|bathroom|shower|"
        r"toilet))"
        r"|(<person>|member|worker|resident|residents|lad|lads|boy|boys|bloke|kid|kids) ~4 "
        r"(scares|frightens|terrifies|intimidates|creeps) (me|me out)"
        r"|(comes|come|came|coming|walks|walk|walked|walking|barges|barged) (in|into) ~3 "
        r"(without knocking|when i am (changing|in the shower|getting changed|asleep|sleeping|"
        r"in bed|naked))",
    ),
    Phrase(
        "unsafe_home.cue_hiding_from",
        near(
            r"(hide|hides|hiding|hid) (in|under|behind|inside) (my|the) (bed|wardrobe|cupboard|"
            r"bathroom|room|duvet|covers|bedroom)",
            r"fighting|fights|shouting|screaming|arguing|drunk|when (he|she|they)|scared|every "
            r"night|hear them|hear him|hear her|until|till|because",
            6,
        )
        + r"|(hear|heard|hearing) (them|him|her|my (mum|dad|parents|carers|carer)) (fighting|"
        r"screaming|hitting|smashing|shouting|arguing) (every night|all night|again|all the time)"
        r"|(threaten|threatens|threatened|threatening) to (slash|shank|cut|merk|wet|smash|knock|"
        r"kidnap|burn|drown|strangle|choke|punch|kick|box|bang|break) (me|my)",
    ),
    # ---------------------------------------------------------------- bullying
    Phrase(
        "bullying.cue_slang_insults",
        r"(slag|slags|slagging|slagged|cuss|cusses|cussing|cussed|diss|disses|dissing|dissed|"
        r"roast|roasts|roasting|roasted|mug|mugs|mugging|mugged) (me|us)( off)?"
        r"|(chat|chatting|chats|talk|talking|talks|say|saying|says|said|spread|spreading|post|"
        r"posting) (shit|crap|rubbish|lies|nasty stuff|horrible stuff|bad stuff|rumours|things) "
        r"(about|on) me"
        r"|(talk|talking|talks|talked|chat|chatting|laugh|laughing) (about me )?behind my back",
    ),
    Phrase(
        "bullying.cue_online",
        near(
            r"group chat|groupchat|the gc|insta|instagram|snap|snapchat|tiktok|their story|"
            r"comments|online|whatsapp",
            r"about me|at me|me off|ugly|fat|laughing at|mock|mocking|mocks|horrible|nasty|"
            r"slag|slagging|cuss|cussing|roast|roasting|threats|threaten|threatening|"
            r"exposed|expose|exposing|edited|memes|rumours|lies|hate (me|page|account|comments)|"
            r"kill yourself|kill myself",
            6,
        ),
    ),
    Phrase(
        "bullying.cue_horrible_messages",
        r"(send|sends|sending|sent|message|messages|messaging|text|texts|texting|dm|dms|dming|"
        r"comment|comments|commenting|say|says|saying|said|write|writes|writing|wrote|leave|"
        r"leaving|leaves) me (horrible|nasty|hateful|hate|threatening|abusive|mean|vile|"
        r"disgusting|racist|homophobic|awful|cruel|sick|evil|rude) (stuff|things|messages|texts|"
        r"comments|names|voice notes|memes|pics|dms)"
        r"|(horrible|nasty|hateful|hate|threatening|abusive|mean|vile|disgusting|racist|"
        r"homophobic|awful|cruel|evil|rude) (stuff|things|messages|texts|comments|names|voice "
        r"notes|memes|dms) (about|to|at|on) me",
    ),
    Phrase(
        "bullying.cue_avoiding",
        near(
            r"(do not|never|not|can not|no longer) (want|going|go|face|bear|stand) (to )?(go |"
            r"going )?(in|to|into|back to)? ?(school|college|class|lessons|the bus|the canteen|"
            r"lunch|break)"
            r"|(skip|skipping|skipped|bunk|bunking|bunked|avoid|avoiding|hide|hiding|miss|"
            r"missing|missed) (school|college|lessons|class|lunch|break|the bus|pe|the canteen)",
            r"because of (them|what they|the (girls|boys|lads|kids|others|bullies))|(they|everyone|"
            r"people|the (girls|boys|lads|kids|others)) ~3 (say|said|says|do|did|does|laugh|"
            r"call|pick|hit|push|post|wait|will)|so i (do not|never) (have to )?(see|bump into|"
            r"run into|face) (them|those|the)|(<scared>) of (them|the (girls|boys|lads|kids|"
            r"others))|bullied|picked on",
            8,
        ),
    ),
    Phrase(
        "bullying.cue_my_picture",
        near(
            r"(video|vid|vids|pic|pics|photo|photos|picture|pictures|clip|screenshot|"
            r"screenshots) (of|off) me|my (photo|pic|picture|face|video)",
            r"edited|edit|editing|photoshopped|meme|memes|made fun|laughing at|mocking|everywhere"
            r"|round (the )?school|around (the )?school|the whole (school|year|class)|crying|ugly|"
            r"fat|without my (permission|consent)",
            6,
        ),
    ),
    Phrase(
        "bullying.cue_racist_and_names",
        r"monkey (noises|sounds|emoji|emojis)|the n word|(making|make|makes|made|doing) ~2 "
        r"(noises|sounds|faces) at me"
        r"|(get|gets|getting|got|been|being|am|keep getting|was) called (names|a (slag|slut|skank|"
        r"tramp|freak|loser|retard|weirdo|whore|bitch|paki|terrorist|nerd|scrounger|orphan|"
        r"reject|loner|lesbian|faggot|paedo|monkey|care kid)|fat|ugly|gay|stupid|thick|dumb|"
        r"smelly|poor)"
        r"|hate (page|account|group|chat)|burn book|expose page|exposing page"
        r"|(everyone|they|people) (unfollowed|blocked|removed|ghosted) me"
        r"|(trip|trips|tripping|tripped) me (up|over)(?! with)"
        r"|(film|filming|filmed|record|recording|recorded) (it|me|us) ~4 (fight|fighting|crying|"
        r"getting (hit|beaten|jumped)|posting|post|posted|online|laugh|laughing)",
    ),
    Phrase(
        "bullying.cue_go_back",
        r"(tell|tells|told|telling|say|says|saying|said|shout|shouts|shouting|shouted|keep "
        r"telling|keeps telling) (me )?(to )?go back to (your|my|ur) (own )?country"
        r"|go back to (your|ur) (own )?country"
        r"|(they|them|people|kids|the (girls|boys|lads|kids|others)|some (lads|girls|boys|kids)|"
        r"gang) ~3 (wait|waits|waiting|waited) (for|outside|around|on) (me|my) ~4 (after school|"
        r"after college|outside school|outside college|at the gates|on the way home|at the bus "
        r"stop|to (jump|get|batter|beat|fight))",
    ),
)


# Indirect cues: the ways young people describe harm without naming it. A goodbye, an injury
# hidden or explained, a person they wait out or hide from, a favour that became a debt, days
# away that nobody noticed, being shut out or filmed. Each ties a general lexicon to the young
# person or to the harm by proximity, so that new wording of the same situation still flags.
_COVER: Final = (
    r"cover|covers|covered|covering|hide|hides|hid|hiding|hidden|makeup|make up|concealer|"
    r"foundation|long sleeves|sleeves|hoodie|jumper|scarf|plasters|bandage|bandages"
)
_INJURY: Final = (
    r"bruise|bruises|bruised|bruising|black eye|marks|mark|cuts|cut|scars|scar|burns|burn|welts|"
    r"scratches|swelling|swollen|bite marks|fat lip|split lip|nosebleed|bloody nose|lump"
)
_KIN: Final = (
    r"he|she|they|him|her|them|my (dad|mum|mam|mom|stepdad|stepmum|step dad|step mum|carer|"
    r"carers|foster (carer|carers|dad|mum)|uncle|aunt|auntie|brother|sister|cousin|nan|grandad|"
    r"boyfriend|girlfriend|partner|ex|landlord|flatmate|housemate|key worker|keyworker)"
    r"|(dad|mum|mam|stepdad|stepmum|uncle|boyfriend|partner)"
    r"|my (mums|mams|dads|nans|carers|sisters|aunties) (boyfriend|girlfriend|partner|husband|wife|"
    r"fella|bloke|mate|mates|son|brother)"
)

INDIRECT: Final[tuple[Phrase, ...]] = (
    # ---------------------------------------------------------------- self-harm and suicide
    Phrase(
        "self_harm.cue_last_words",
        r"(this is|this will be|this is going to be|here is) (my|the) (last|final)"
        r"(?= \.|$| (message|text|post|time|thing|goodbye|words|night|one from me))"
        r"|(last|final) time (i will|ill|i am going to|i|you will|anyone will|you) (ever )?"
        r"(message|text|talk|speak|see|hear|write|post|message anyone|bother)"
        r"|(will not|wont|not going to|am not going to|not gonna|i will not) be (around|here|alive"
        r"|about) (much longer|for much longer|for long|anymore|any more|soon|by then|to see|"
        r"after (tonight|today|this))"
        r"|(will not|not going to|wont) (need|be needing) (them|it|any of (it|this|them|my "
        r"stuff)|my (stuff|things|clothes|phone)) (anymore|any more|where i am going|after "
        r"(tonight|today))"
        r"|(tell|say to) (my|everyone|them) ~4 (i love|i loved|that i love|that i loved|i am "
        r"sorry|sorry for)( them| her| him| you| everyone)?(?= \.|$| (and|but|from|for|when|if))"
        r"|(i love|i loved) (you|you all|everyone|you guys) (and|but) (i am sorry|sorry|goodbye|"
        r"bye)",
    ),
    Phrase(
        "self_harm.cue_letters",
        near(
            r"(wrote|written|writing|write|left|leave|leaving|done|finished) (a |my |some |all "
            r"the |the )?(letter|letters|note|notes)",
            r"just in case|for everyone|to everyone|for each of|for all of|for (my )?family|for "
            r"when i|for after|(for|to) (them|you) to (find|read)|goodbye|sorry",
            6,
        ),
    ),
    Phrase(
        "self_harm.cue_giving_away",
        near(
            r"(give|giving|gave|given|leave|leaving|left|sort|sorted|sorting|decided|deciding|"
            r"worked out) (away |out )?(who (gets|has|can have|will have|should have|will get) )?"
            r"(all )?my (stuff|things|belongings|clothes|games|xbox|ps5|playstation|phone|"
            r"trainers|jewellery|makeup|room|money|savings|pets?|cat|dog|bike)"
            r"|who (gets|can have|will have|should have|will get|should get) (all )?my",
            r"when i|after i|once i|before i (go|leave|die)|(will not|wont|do not|not|never) "
            r"(need|be needing|be using)|just in case|in case|no point|everyone|for good",
            8,
        )
        + r"|(sorted|sort|sorting|decided|deciding|worked out|planned|planning|written down|wrote "
        r"down|listed|chose|chosen) (out )?who (gets|can have|will have|should have|will get|"
        r"should get|is having|is getting) (all )?my",
    ),
    Phrase(
        "self_harm.cue_without_me",
        r"(would|will|d|be) (be )?(all |so much |much |a lot |way )?(fine|better|happier|easier|"
        r"okay|ok|alright|best|good|free) (off )?without me(?! for (one|a|an|the|this|that|"
        r"tonight|today|once|now|a bit|a while))"
        r"|(no one|nobody|noone|none of them|would anyone|would anybody) (would|will) (even )?"
        r"(notice|care|miss me|cry|come to my funeral)"
        r"|(easier|better|best) for everyone if i (just )?(was not|were not|left|went|disappeared|"
        r"was gone|went away|stopped)",
    ),
    Phrase(
        "self_harm.cue_hidden_injury",
        r"what i (did|do|have done|done|been doing|keep doing) to (myself|<self_body>)"
        r"|so (that )?(nobody|no one|noone|people|they|school|teachers|staff|my (carer|carers|sw|"
        r"social worker|teacher|teachers|mates|friends|key worker)) (can not |do not |will not |"
        r"would not |does not |wont |dont |cannot |never )?(see|sees|notice|notices|ask|asks|"
        r"spot|spots|find out|finds out) (what|the (marks|bruises|cuts|scars|burns)|my (arms|"
        r"wrists|legs|thighs|marks|bruises|cuts|scars|burns))",
    ),
    # ---------------------------------------------------------------- abuse
    Phrase(
        "abuse.cue_covered_injury",
        near(r"" + _COVER, r"" + _INJURY + r"|what (he|she|they) (did|does|do)", 4)
        + r"|(walked|walk|ran|run|fell|fall) into (a|the) (door|wall|cupboard)"
        r"(?= \.|$| (again|and|but|that|is|was|i|he|she|they))"
        r"|(say|said|tell|told|pretend|pretended|lie|lied|have to say) ~3 i (fell|tripped|walked "
        r"into|slipped|banged)",
    ),
    Phrase(
        "abuse.cue_end_up",
        near(
            r"(i|me) (always |usually |normally |often |just |then |sometimes )?(end up|ends up|"
            r"ended up|wind up|land|landed|get|got|left) (on the floor|on the ground|against the "
            r"wall|with (bruises|marks|a black eye|a cut|cuts|a fat lip|a split lip|a nosebleed|a "
            r"bloody nose|a lump)|bleeding|hurt|getting hurt|in bits)",
            r"angry|anger|drink|drinks|drinking|drunk|mad|temper|loses it|lost it|kicks off|kicked "
            r"off|snaps|snapped|rage|raging|when (he|she|they)|if i|because i",
            8,
        ),
    ),
    Phrase(
        "abuse.cue_injury_from",
        near(
            r"" + _INJURY,
            r"(from|off|because of|cos of|after) (" + _KIN + r")|(<hit>) me|(pulled|pulls|pull|"
            r"dragged|drags|yanked|yanks|grabbed|grabs|twisted|twists) me by (my|the)",
            5,
        )
        + r"|(pull|pulls|pulled|pulling|drag|drags|dragged|dragging|yank|yanks|yanked|lift|lifts|"
        r"lifted|swing|swung|throw|threw|throws) me (up )?by (my|the) (ear|ears|hair|arm|arms|"
        r"wrist|wrists|neck|throat|collar|leg|legs|jumper|hood|hoodie)"
        r"|(throw|throws|threw|throwing|thrown|chuck|chucks|chucked|lob|lobs|lobbed) (stuff|things|"
        r"it|them|shoes|a shoe|cups|a cup|plates|a plate|bottles|a bottle|food|remotes|the remote"
        r") at (my (head|face|back|legs))",
    ),
    Phrase(
        "abuse.cue_blame",
        r"(says|said|tells|told|telling|saying|keeps saying|keep saying|reminds me) (me )?"
        r"(i am|im|it is|its|it was|that i am|that it is|that it was) (the reason|my fault|all my"
        r" fault|to blame|why) ~4 (died|dead|left|gone|leave|drinks|drink|hits|ill|sick|sad|"
        r"angry|everything|ruined|ruin|unhappy|went|happened|split|broke)"
        r"|(blame|blames|blamed|blaming) me for (everything|it all|mum|dad|her|him|them|the "
        r"divorce|the split|my (mum|dad|mam)|what happened)"
        r"|(do not|dont|does not|not) deserve (to eat|food|dinner|tea|meals|a bed|a room|to sleep"
        r"|to live|to be (loved|here|alive|fed|happy|born))",
    ),
    # ---------------------------------------------------------------- sexual exploitation
    Phrase(
        "sexual_exploitation.cue_favour_back",
        near(
            r"lift|lifts|vape|vapes|weed|money|cash|drink|drinks|food|phone|credit|top up|"
            r"trainers|nails|clothes|present|presents|gifts|place to stay|somewhere to stay|bed|"
            r"fags|booze|alcohol|lash|takeaway|maccies|nandos|hotel|(give|gives|gave|giving|"
            r"given|buy|buys|bought|buying|get|gets|got|getting|lend|lends|lent) (me|us)",
            r"(wants|want|wanted|expects|expect|expected|expecting|asking for|asks for|asked for|"
            r"says|said) (something|stuff|things|a favour|favours|payment|sex|more)"
            r"(?= \.|$| (back|in return|for|from|now|and|but|because|off))"
            r"|in return|(have to|got to|need to|gotta|must|made me|make me|expects me to|wants "
            r"me to|expect me to|want me to|told me to|says i have to|said i have to) (pay|repay) "
            r"(him|them|it) back|(owe|owes|owed|owing) (him|them)(?! (a|an|one) )"
            r"|return the favour|(he|they|she) (is|are) (owed|calling it in)|payback|pay up",
            10,
        ),
    ),
    # ---------------------------------------------------------------- criminal exploitation
    Phrase(
        "criminal_exploitation.cue_owe_them",
        r"(say|said|says|saying|told me|tells me|telling me|reckon|reckons|claim|claims|keep "
        r"saying|keeps saying) (that )?i (owe|owes|still owe|now owe) (them|him|the olders|the "
        r"lads|the man|the men|the boys|loads|money|a debt)"
        r"(?! (a|an|one) (drink|pint|coffee|tenner|fiver|apology|explanation|birthday|"
        r"lift|chip|quid))"
        r"|"
        + near(
            r"owe|owes|owed|owing|debt|in debt|pay (it|them|him) back|work (it|this|that|the "
            r"debt) off|robbed|taxed|lost the",
            r"(do|doing|did|done) (one|a|a few|some|couple of|a couple of|little|small|one more) "
            r"(job|jobs|run|runs|drop|drops|mission|missions|favour|favours|thing|things|trip|"
            r"trips)|work for (them|him)|(go|going|goes|went) (somewhere|out|up|down)",
            8,
        ),
    ),
    Phrase(
        "criminal_exploitation.cue_work_it_off",
        near(
            r"work (it|this|that|the debt|the money) off|work off the (debt|money)|(pay|paid|"
            r"paying) (it|them|him|the money|the debt) (back|off)",
            r"owe|owed|owes|debt|robbed|taxed|lost|they said|he said|or else|the (food|bits|pack|"
            r"package|parcel|stash|drugs|weed|product|gear|work)",
            8,
        )
        + r"|(got|get|been|was|were|gets) (robbed|taxed|mugged|jumped|rushed) (of|for) (the|"
        r"their|his|all the) (food|bits|work|pack|package|parcel|stash|drugs|weed|product|gear|"
        r"bag|bags|money|phone|line)",
    ),
    Phrase(
        "criminal_exploitation.cue_carry_bag",
        near(
            r"(take|takes|took|taking|taken|carry|carries|carrying|carried|drop|drops|dropping|"
            r"dropped|deliver|delivers|delivering|delivered|bring|brings|bringing|brought|hold|"
            r"holds|holding|held|keep|keeps|keeping|kept|mind|minding|stash|stashing|hide|hiding|"
            r"store|storing|look after|looking after) (a|the|this|some|their|his|her|these|those|"
            r"stuff|things|bits|it|them)( (bag|bags|package|packages|parcel|parcels|box|boxes|"
            r"rucksack|backpack|envelope|phone|phones|stuff|things|bits))?",
            r"(£|quid|cash|money|paid|pays|pay|gives me|give me|gave me) ~2 (to|for)"
            r"|for (them|him|some (lads|guys|men|people|older)|the (olders|lads|boys|men|guys))"
            r"|(not|never) (to )?(look|open|ask)|do not (look|open|ask)"
            r"|(at|in|under) (my|me) (place|flat|room|house|bed|wardrobe|nans|mums|gaff)",
            8,
        ),
    ),
    Phrase(
        "criminal_exploitation.cue_family_threat",
        r"(they|he|she|them|people|the olders|the lads|the men|the gang) (know|knows|found out|"
        r"said they know|said he knows|know exactly) where (my|i) (nan|mum|mam|dad|family|sister|"
        r"brother|little (brother|sister)|carers|carer|girlfriend|boyfriend|cousins?|foster) "
        r"(lives|live|is|are|stays)"
        r"|(or|otherwise|else) (they|he) (will|would|are going to|is going to|said) ~3 "
        r"(my (nan|mum|mam|dad|family|sister|brother|little)|(hurt|get|do|visit|find|burn) "
        r"(my|me))",
    ),
    # ---------------------------------------------------------------- going missing
    Phrase(
        "missing.cue_no_one_looked",
        r"(no one|nobody|noone|none of them|they|carers|my carers|staff|the staff|the home|my sw|"
        r"the police) (even )?(came|come|comes|went|bothered|bother|tried|try) (looking|to look|"
        r"searching|to search|to find|finding)( for me)?(?! for (my|the|his|her|a|their) )"
        r"|(no one|nobody|noone|none of them|they|carers|staff) (even )?(looked|searched|looks|"
        r"searches|noticed|notices|reported) (for me|me missing|i was gone|i had gone|i was not "
        r"there|i was missing)"
        r"|(did not|never|not|do not|does not) (even )?(look|looked|search|searched|come looking|"
        r"report|reported|notice|noticed) (for me|me missing|i was gone|i had gone|i was not "
        r"(there|back|home))",
    ),
    Phrase(
        "missing.cue_walked_out_when",
        r"(walked|ran|legged it|left|went|bailed|dipped|took off|jumped out|disappeared) (out |"
        r"off |away )?(on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|last night|"
        r"yesterday|days ago|a week ago|at the weekend|the other night|after tea|after dinner|in "
        r"the night) ~2 (and|but) (i )?(have not|had not|not|never|did not|no one|nobody|noone|"
        r"still|been)"
        r"|(been|have been|i have been) (gone|away|out|missing|staying out|on the road|off grid)"
        r" (since|for) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|the "
        r"weekend|days|a week|a few days|ages)",
    ),
    # ---------------------------------------------------------------- unsafe where they live
    Phrase(
        "unsafe_home.cue_wait_till_asleep",
        near(
            r"(wait|waits|waiting|waited) (till|until|for) (" + _KIN + r") (is |are |has |have |"
            r"to |goes |go |gets |get )?(asleep|gone out|gone|out|go to sleep|fall asleep|falls "
            r"asleep|goes out|leave|leaves|left|gone to bed|go to bed|passed out|passes out|pass "
            r"out|goes to bed|sleeping|in bed|at work|at the pub|drunk)",
            r"come out|get out|leave (my|the) room|downstairs|eat|food|bathroom|toilet|kitchen|"
            r"shower|go (home|back|in)|come (home|back|in)|safe|scared|so (he|she|they)|before i "
            r"(can|dare|go|come|leave|move)|dare",
            8,
        )
        + r"|i (always |just |have to |usually )?(wait|waits|waiting) (till|until) (he|she|they) "
        r"(is|are) (asleep|gone|out|passed out)(?= \.|$)",
    ),
    Phrase(
        "unsafe_home.cue_strangers_inside",
        r"(men|strangers|randoms|blokes|lads|dealers|users|people i do not know|guys|addicts|"
        r"druggies|junkies|older men|his mates|her mates) (are )?(in|at|round|staying in|sleeping"
        r" in) (the|my|our) (<home>|kitchen|living room|lounge) ~3 (every night|all night|at "
        r"night|all the time|most nights|constantly|all hours|day and night)"
        r"|(one of them|someone|somebody|one of the (men|lads|guys|blokes)|them|him|he|a man|a "
        r"guy) ~3 (tried|tries|trying|try|rattled|rattles|opened|opens|forced) (my|the) (bedroom "
        r")?(door|door handle|handle|lock)",
    ),
    Phrase(
        "unsafe_home.cue_avoid_them",
        near(
            r"(stay|stays|staying|stayed|hide|hiding|hid|lock myself|locked myself|keep|keeping)"
            r" (in|inside) (my|the) (room|bedroom|bathroom|toilet|wardrobe)",
            r"(" + _KIN + r") (is |are |gets |get |comes |come )?(home|back|in|drunk|angry|"
            r"shouting|around|about|awake)|(avoid|away from|out of the way of|so i do not see) "
            r"(" + _KIN + r")",
            6,
        )
        + r"|i (always |just |usually |have to |go and |end up |still )?(hide|hiding) (in|inside|"
        r"under) (the|my) (bathroom|wardrobe|cupboard|toilet|loo|shed|bed|room|bedroom)"
        r"(?= \.|$| (when|whenever|every|at night|all|till|until|because|so|from|again))",
    ),
    # ---------------------------------------------------------------- bullying
    Phrase(
        "bullying.cue_filmed_posted",
        near(
            r"(film|films|filming|filmed|record|records|recording|recorded|video|videos|videoing|"
            r"videoed|snap|snaps|snapping|snapped|photo|photos|photograph|pic|pics|take pictures "
            r"of|took pictures of|screenshot|screenshots|screenshotted) (me|us|my)",
            r"(post|posts|posting|posted|put|puts|putting|share|shares|sharing|shared|upload|"
            r"uploads|uploaded|send|sends|sent|spread|spreads|spreading) ~2 (on|online|up|"
            r"everywhere|round|around|to everyone|in the (group|chat|gc)|story|stories|tiktok|"
            r"snap|insta)|laugh|laughing|laughs|mock|mocking",
            6,
        )
        + r"|(they|people|kids|everyone|he|she|the (girls|boys|lads|kids|others)) (keep |keeps |"
        r"always |just |all )?(film|films|filming|record|records|recording|video|videos|videoing|"
        r"snap|snaps) (me|us)(?= \.|$| (when|at|in|on|and|every|all|getting|crying|fighting|"
        r"eating|walking|being|without|behind))",
    ),
    Phrase(
        "bullying.cue_shut_out",
        r"(nobody|no one|noone|none of them|nobody in my (class|form|year)) (ever |even |will |"
        r"wants to |want to )?(talks|speaks|sits|plays|hangs|walks|talk|speak|sit|play|hang|"
        r"walk|looks|look) (to|with|near|next to|out|at) me"
        r"|(everyone|they|people|the (girls|boys|lads|kids|others)|(my|the) (whole )?(class|form|"
        r"year|friends|mates|group|friendship group)) ~2 (blocked|removed|kicked|left|ignore|"
        r"ignores|ignored|excluded|exclude|excludes|unadded|muted|uninvited) me"
        r"(?! (from|out of) (the|a) (game|lobby|server))"
        r"|(made|make|makes|making|set up|started|start|created|create) (a|another|their own|"
        r"a new|a separate) (group|group chat|groupchat|gc|chat|page|account) (about|without|"
        r"for everyone but|for everyone except|to) (me|laugh at me|talk about me)"
        r"|(made|make|makes|making|set up|started|created) (one|a new one|their own|another one|"
        r"a new chat|a new group) (without|about) me"
        r"|(move|moves|moved|moving|get up|gets up|got up) (away )?(seats|seat|tables|table)? ?"
        r"(when|if|as soon as) i (sit|sat|come|came|walk)",
    ),
    Phrase(
        "bullying.cue_noises",
        r"(pig|monkey|dog|animal|cow|oink|oinking|moo|mooing|barking|bark|grunting|grunt|"
        r"whale|elephant|chimp|ape) (noises|sounds|emojis|emoji)"
        r"|(noises|sounds|comments|faces|remarks|names|jokes) (at me|when i (walk|go|come|pass|"
        r"sit|talk|speak|answer)|behind me|as i (walk|go|pass))"
        r"|(throw|throws|threw|throwing|chuck|chucks|chucked|chucking|flick|flicks|flicked|"
        r"spit|spits|spat) (stuff|things|food|paper|rubbers|pens|water|bottles|chewing gum|gum|"
        r"balls) at (me|my)",
    ),
)


PHRASES: Final[tuple[Phrase, ...]] = _LISTED + CUES + INDIRECT


GUARDS: Final[tuple[Phrase, ...]] = (
    # "Hit me up" asks to be contacted; "hit me up against the wall" is still a disclosure.
    Phrase("guard.hit_me_up", r"hit me up(?! (against|on|in|the|with|by))"),
    # Games and races.
    Phrase(
        "guard.beat_me_at",
        r"(beat|beats|beating|beaten|battered|batters|thrashed|smashed) me (at|in|on) "
        r"(fifa|fortnite|cod|pool|snooker|chess|cards|football|a race|the race|races|tennis|darts|"
        r"table tennis|ping pong|monopoly|uno|mario kart|games|a game|the game|the quiz|a quiz|"
        r"maths|the test|running|swimming|arm wrestling|the final|the match|a match|penalties|"
        r"scrabble|connect 4|connect four|the exam|our exams|a bet|cod|xbox|ps5|playstation|"
        r"minecraft|roblox|sports day|the sprint|the 100m|badminton|basketball|netball|rugby|"
        r"dominoes|a sprint|everything|fifa again)|beat me (to it|to the)",
    ),
    # Accidents and shopping, not self-harm. "I cut myself in the bathroom" still flags.
    Phrase(
        "guard.accidental",
        r"(cut|cuts|cutting) (myself|me) (a|an|some|another) ([a-z]+ )?(slice|piece|bit|chunk|"
        r"break|deal|wedge)"
        r"|(hurt|cut|burnt|burned|injured|scratched|bruised) myself (playing|doing|cooking|"
        r"shaving|training|on the oven|on the iron|on the hob|at (football|rugby|pe|the gym|"
        r"training|work|practice|boxing|dance))"
        r"|(killing|kill|killed|wetting|wet) myself (laughing|with laughter)"
        r"|i (burnt|burned|scalded|nicked|caught) my [a-z]+ (on|with) (the|a|my) (oven|iron|hob|"
        r"kettle|tin|pan|toaster|grill|stove|cooker|straighteners|grater) (cooking|making|baking|"
        r"getting|taking|doing)",
    ),
    Phrase(
        "guard.hurts_my_feelings",
        r"(it|that|this|what (he|she|they) said) (really )?hurts? me"
        r"|(feet|foot|back|head|legs|leg|knee|knees|arm|arms|tooth|teeth|stomach|tummy|belly|"
        r"neck|shoulder|shoulders|eyes|ears|shoes|trainers|boots|braces|period|wrist|ankle) "
        r"(really |still |always |kind of |proper )?(hurt|hurts|hurting|are hurting|is hurting) "
        r"me",
    ),
    Phrase("guard.push_me_to", r"(push|pushes|pushed|pushing) me to (do|be|try|go|work|achieve)"),
    Phrase(
        "guard.grab_me_a",
        r"(grab|grabs|grabbed|grabbing) me (a|an|some|the) (drink|coffee|snack|chips|sandwich|"
        r"ticket|seat|bite|burger|pizza|charger)",
    ),
    Phrase(
        "guard.threw_me_a",
        r"(threw|throw|throws|throwing) me (a|an) (party|surprise|ball|birthday)",
    ),
    Phrase(
        "guard.hit_by_thing",
        r"(hit|hurt|knocked over|run over) by (a|the|an) (ball|football|netball|racket|door|car|"
        r"bus|bike|van|scooter|cricket ball|hockey stick|wave|branch|swing|lorry|taxi)",
    ),
    Phrase(
        "guard.team_beaten",
        r"(we|team|they|you|us|united|city) (got|get|were|was|are) (beat|beaten|battered|"
        r"thrashed|smashed)",
    ),
    Phrase(
        "guard.touched_by",
        r"(touched|moved) by (her|his|the|your|their|how|what|it|that)|touch base|keep in touch|"
        r"get in touch|stay in touch|in touch with|touched up my (make up|makeup|nails|drawing)",
    ),
    # Toy and snowball fights.
    Phrase(
        "guard.toy_fight",
        r"(hit|hits|shot|shoots|shooting|got) me with (a|her|his|my|the|their|some) (nerf|nerf gun|"
        r"pillow|snowball|snowballs|water balloon|water pistol|water gun|toy|balloon|foam|cushion|"
        r"paper ball|sock)",
    ),
    # Raising money for homeless people is not being homeless.
    Phrase(
        "guard.homeless_charity",
        r"homeless (charity|charities|shelter|shelters|people|person|man|woman|men|women|"
        r"awareness|appeal|project|centre)|(sleep out|sleepout|sponsored sleep)",
    ),
    # Help and advice from older people is not grooming.
    Phrase(
        "guard.gives_me_advice",
        r"(give|gives|gave|giving) me (tips|advice|a hand|help|a chance|feedback|lessons|"
        r"homework|a lift to (school|college|football|training|work))",
    ),
    # No one hurts me: said about the present, by the young person, plainly.
    Phrase(
        "guard.nobody_hurts_me",
        r"(nobody|no one|noone) (ever )?(hits|hurts|touches|bullies|beats|abuses|threatens|"
        r"scares) me",
    ),
    # Learning about a topic is not a disclosure of it.
    Phrase(
        "guard.lesson_about",
        r"(lesson|lessons|documentary|documentaries|assembly|assemblies|workshop|workshops|video|"
        r"film|play|session|sessions|week|day|course|book|poster|project|pshe|training|leaflet|"
        r"campaign|charity|programme|episode|series|awareness) (about|on|for|against) (county "
        r"lines|knife crime|bullying|cyberbullying|cse|exploitation|grooming|self harm|suicide|"
        r"online safety|consent|drugs|gangs|domestic abuse|domestic violence|abuse|running away|"
        r"going missing|modern slavery|trafficking|homelessness|racism|harassment)"
        r"|anti (bullying|bully|knife crime|racism|harassment)|suicide squad|suicide prevention"
        r"|(bullying|anti bullying) (week|ambassador|ambassadors|policy|day|campaign|club|"
        r"workshop|awareness)",
    ),
    # Things go missing; people going missing still flag ("I went missing", "reported missing").
    Phrase(
        "guard.thing_missing",
        r"(cat|dog|pet|phone|passport|keys|key|wallet|purse|bag|money|parcel|hamster|rabbit|bike|"
        r"stuff|things|document|documents|letter|letters|form|forms|card|cards|bus pass|charger|"
        r"laptop|headphones|airpods|trainers|coat|jacket|shoes|post|delivery|file|files|"
        r"paperwork|signature|page|pages|tortoise|budgie|fish|homework|sock|socks|remote|"
        r"id|birth certificate|payment|money|benefits|wages|rent|parcel) "
        r"(went|has gone|had gone|have gone|goes|is|was|are|were|keeps going|kept going|got|"
        r"gone|been|has been|have been|went|is still|still) missing",
    ),
    # Not going back to a shop or a dentist; places where someone lives still flag.
    Phrase(
        "guard.not_back_there",
        r"(not|never) (going|coming|go|come) back (to|in) (that|this|the) "
        r"(dentist|doctor|doctors|gym|shop|restaurant|cafe|hairdresser|barber|barbers|cinema|"
        r"club|chippy|takeaway|salon|park|pool|dentists|nandos|mcdonalds|kfc|nails place|"
        r"leisure centre|youth club|job centre|bank|library|course|class|lesson|team|job)",
    ),
    # Running from an animal or a ball is not running away.
    Phrase(
        "guard.ran_from_thing",
        r"(ran|run|runs|running) (away|off) (from|with) (a|an|the|my|our) (wasp|wasps|bee|bees|"
        r"spider|dog|goose|geese|cow|cows|ball|clown|ghost|mouse|rat|bird|seagull|seagulls|"
        r"pigeon|pigeons|chips|food|sandwich|hat|horse|sheep|swan)",
    ),
    # A pet or a sibling jumping on you; a story's runaway.
    Phrase(
        "guard.pets_and_stories",
        r"(got|get|gets|getting|was|been) jumped on by (my|the|a|our|his|her) (dog|dogs|cat|"
        r"puppy|kitten|horse|baby|little (brother|sister|cousin)|nephew|niece)"
        r"|(a|the) (girl|boy|kid|character|dog|cat|man|woman|person|people|teenager|hero) (who|"
        r"that) (ran|run|runs) away",
    ),
    # Being kicked out of a game or a lesson is not being made homeless.
    Phrase(
        "guard.kicked_out_of_game",
        r"(kicked|thrown|chucked|booted) (me )?out (of )?(the |a |my )?(game|lesson|class|match|"
        r"lobby|server|call|chat|group|team|party|squad|club|pub|shop|cinema|library|exam|"
        r"classroom)",
    ),
    # Not safe to do something practical.
    Phrase(
        "guard.safe_to",
        r"(safe|secure) to (drive|use|eat|swim|cycle|ride|walk on|touch|post|share|click|"
        r"download|drink|open|plug)",
    ),
    # Grooming a pet or hair.
    Phrase(
        "guard.grooming_pet",
        r"(groom|grooming|groomed|grooms|groomer|groomers) (the|my|our|a|his|her)? ?(dog|dogs|"
        r"horse|horses|cat|cats|pony|ponies|hair|beard|eyebrows|brows|pet|pets)"
        r"|(dog|pet|horse) (groom|grooming|groomer|groomers)",
    ),
    # Knives in the kitchen.
    Phrase(
        "guard.kitchen_knife",
        r"(knife|knives) (and|n) (fork|forks)|knife (set|block|skills)|(kitchen|bread|butter|"
        r"steak|cutlery) (knife|knives)",
    ),
    # A carer taking a phone away at night is house rules, not robbery.
    Phrase(
        "guard.carer_takes_phone",
        r"(carer|carers|foster carer|staff|mum|dad) (took|take|takes|taking) my phone",
    ),
    # A bullying episode in the past that the young person says is resolved.
    # Decision (debatable): "my mate got bullied at school last year but it got sorted" does not
    # flag. It is historic and resolved, and often about someone else. Bullying that is current,
    # unresolved, or "never got sorted" still flags, as does "my mate is being bullied".
    Phrase(
        "guard.bullying_resolved",
        r"(used to|got|was|were|been|had been) (get |be |being )?bullied "
        r"(?:(?!(?:never|not|still|again|now) )[a-z0-9]+ ){0,6}(but|and) "
        r"(?:(?!(?:never|not|still|again|now|has not|did not) )[a-z0-9]+ ){0,2}"
        r"(sorted|sorted out|not any more|not anymore|no more|stopped now|over now|fine now|"
        r"all good now|dealt with|resolved|stopped ages ago|moved schools|it stopped)"
        r"(?! (but|until|till|for a bit|for a while))"
        r"|(not|no longer) (being |getting )bullied (anymore|any more|now)",
    ),
    # Owing a friend a drink or an apology is not a debt to the olders ("he says i owe him" and
    # "i owe him a favour" still flag).
    Phrase(
        "guard.owe_a_drink",
        r"owe (him|her|them|you|my (mate|mates|friend|friends|nan|mum|dad|sister|brother|carer|"
        r"key worker|keyworker)) (a|an|one) (drink|pint|coffee|tea|tenner|fiver|quid|apology|"
        r"explanation|birthday present|hug|chippy|maccies|round)(?! (or|and then|else|for the))",
    ),
    # "In danger of failing" is about exams.
    Phrase(
        "guard.in_danger_of",
        r"in danger of (failing|losing|missing|being late|getting|running out)",
    ),
    # Winning, and pets that wander off. "I ran away with him" still flags.
    Phrase(
        "guard.ran_away_with_the_win",
        r"(ran|run|running|runs) away with (it|the (win|prize|match|game|trophy|title|cup|league|"
        r"show|points))"
        r"|(dog|dogs|puppy|cat|cats|kitten|hamster|rabbit) (keeps |kept |always )?"
        r"(ran|run|running|runs) (off|away)",
    ),
    # A realisation, the weather, a joke: "it hit me that" is not a blow.
    Phrase(
        "guard.it_hit_me",
        r"(it|that|reality|the heat|the cold|the smell|the tiredness) (hit|hits|has hit) me"
        r"(?= (today that|that|as soon as|the moment|on the plane|when we (got|landed|arrived)))"
        r"|hit me with (the|a|his|her|their) ([a-z]+ )?(joke|pun|question|news|fact|song|"
        r"questions|facts)",
    ),
    # Pets at the groomers, and games or gadgets that "bully" someone.
    Phrase(
        "guard.dog_grooming",
        r"(dog|dogs|puppy|cat) (needs |getting |got )?(grooming|groomed)"
        r"|(the )?(groomers|dog groomer)",
    ),
    Phrase(
        "guard.things_bully_me",
        r"(wifi|game|level|autocorrect|phone|laptop|printer|homework|maths|weather|bus) "
        r"(is |keeps |has been )?(actually |literally )?(bullying|bullies|bullied) me",
    ),
)


# Words whose misspellings the screen tolerates (one slip: a letter missing, added, changed or
# swapped with its neighbour; doubled letters are always tolerated). Only distinctive words are
# here: tolerance for short or everyday words turns real words into triggers ("kissing" is one
# letter from "killing").
FUZZY: Final[frozenset[str]] = _words(
    """
    suicide suicidal overdose overdosed overdosing myself harming harmed unalive
    bullied bullying bullies cyberbullied cyberbullying harassed harassing harassment
    exploited exploitation exploiting groomed grooming blackmail blackmailing blackmailed
    threatening threatened threatens threaten threats placement placements accommodation
    abused abusing abusive molested molesting touching touched touches strangled strangling
    strangle punched punches punching slapped slapping slaps smacked smacking smacks battered
    kicked kicking kicks hitting beating beaten hurting killing absconding absconded missing
    running scared frightened terrified afraid dangerous unsafe homeless evicted sleeping
    pictures photos naked sexual sexually paedophile paedo nudes underwear knickers
    boyfriend girlfriend stepdad stepmum foster carers keyworker landlord flatmate housemate
    county shotting trapping dealing selling carrying delivering holding package packages
    parcel parcels knife knives machete weapon drugs cocaine heroin
    anymore everyone anything everything nobody someone somebody people because without
    punishment bruises bruised choked choking tablets paracetamol painkillers medication
    wrists bleeding suicide worthless useless disappear living alive wanted
    """
)


# Real words that must never be "corrected" into a phrase word by the misspelling tolerance
# ("kissing" is not "killing", "shopping" is not "shotting", "nose" is not "noose"). Made by
# running a British English word list through the screen: `uv run python -m bench.screen
# --collisions /usr/share/dict/british-english` lists any new ones after FUZZY or a phrase changes.
KEEP: Final[frozenset[str]] = _words(
    """
    abased abasing abuser alice allie baal bantered bartered bating batten batting bearing
    bedding beet belied belies bellied bellies bellying belying ben berating bess besting
    bettered betting bff bffs billies blackmailer bleating blending blessing blooding
    boating bobs bootless braised braises brooke bruiser bruisers bulging bulked bulled
    buoying buttered caddying career careers carets caries caring carriers carting carvers
    cary caters cheeked cheeking chocked chocking choker coked coking cooke cooked coos
    count counts crying currying cyberbullies dialling diner dmz donne dregs droop drooped
    drooping droops drubs exploiter faster fell felling fells fester finnish forster god
    goggled grimed griming grokked grokking grosz haas hammed hamming hared haring harked
    harking hatted hatting herein heroine heroines heron hinting hiring holing hooding
    hooping hooting horse horses hurrying hurtling keeling kicker kickers kilning kipling
    knaves knockers latte latter lobed loose looser loosing loot loots los loss loving
    massing matte mattes mediation messing misting mixing mooney moore mousse musing mussing
    named narked ned nodes nose nudges nuked odd oops ops overdoes overdoing paunches pep
    pepping peps photons pictured piing pinched pinches pinching pined pining planed planing
    platte poisson pol poll purcell putts rapped rapper rappers rapping robed robing rom
    rubbing ruing ruining sacked sacking sacks sacred saloon sapped sapping scagged scarfed
    scarring scatted scored sealing seedling seeing seeking seeping settling shacks sheeting
    shelling shitting shlepping shooing shooter shooters shootings shoots shoring shorting
    shot shutting siting sling slipping slips sloops sloped sloping slopped slopping slops
    smacker smelling smocked smocking smocks snacked snacking snacks soaped soaping soaps
    soling somme spelling spitz starred starring steeling steep steeping stoop stooped
    stooping straggle straggled straggling strange swelling tables taping tapping teen
    throats topples tramping trooping waned wed wonted worthies wrests writs
    dosed dosing hoot knell ragging steeped
    choose feds
    """
)


# Text-speak and contractions, applied word by word after punctuation is removed.
SLANG: Final[dict[str, str]] = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "nd": "and",
    "b": "be",
    "im": "i am",
    "iam": "i am",
    "ima": "i am going to",
    "imma": "i am going to",
    "il": "i will",
    "ive": "i have",
    "dont": "do not",
    "idont": "i do not",
    "idnt": "i do not",
    "icant": "i can not",
    "iwant": "i want",
    "iwanna": "i want to",
    "iwish": "i wish",
    "ihate": "i hate",
    "dnt": "do not",
    "don": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "didn": "did not",
    "cant": "can not",
    "cannot": "can not",
    "cnt": "can not",
    "carnt": "can not",
    "wont": "will not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "isnt": "is not",
    "aint": "am not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "wanna": "want to",
    "wana": "want to",
    "wanto": "want to",
    "wnt": "want",
    "gonna": "going to",
    "gunna": "going to",
    "finna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "hafta": "have to",
    "lemme": "let me",
    "gimme": "give me",
    "dunno": "do not know",
    "idk": "i do not know",
    "ngl": "not going to lie",
    "tbh": "",
    "tbf": "",
    "hes": "he is",
    "whos": "who is",
    "shes": "she is",
    "theyre": "they are",
    "youre": "you are",
    "thats": "that is",
    "theres": "there is",
    "whats": "what is",
    "wats": "what is",
    "wot": "what",
    "wat": "what",
    "kms": "kill myself",
    "kmss": "kill myself",
    "kys": "kill yourself",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "selfharmed": "self harmed",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "cus": "because",
    "bc": "because",
    "becuz": "because",
    "bcoz": "because",
    "bcos": "because",
    "cause": "because",
    "wiv": "with",
    "wif": "with",
    "wid": "with",
    "w": "with",
    "dat": "that",
    "dis": "this",
    "dem": "them",
    "dey": "they",
    "ppl": "people",
    "sum1": "someone",
    "some1": "someone",
    "no1": "no one",
    "noone": "no one",
    "every1": "everyone",
    "any1": "anyone",
    "ne1": "anyone",
    "2day": "today",
    "2nite": "tonight",
    "2night": "tonight",
    "tonite": "tonight",
    "b4": "before",
    "h8": "hate",
    "m8": "mate",
    "m8s": "mates",
    "gr8": "great",
    "l8": "late",
    "l8r": "later",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "sw": "social worker",
    "wud": "would",
    "cud": "could",
    "shud": "should",
    "hme": "home",
    "plz": "please",
    "pls": "please",
    "yr": "year",
    "nite": "night",
    "nites": "nights",
    "thru": "through",
    "luv": "love",
    "bruv": "brother",
    "fone": "phone",
    "pix": "pics",
    "pix2": "pics",
    "mi": "my",
    "ma": "my",
    "meself": "myself",
    "mysef": "myself",
    "myslef": "myself",
    "myelf": "myself",
    "misself": "myself",
    "agen": "again",
    "agn": "again",
    "nuffin": "nothing",
    "nothin": "nothing",
    "nuthin": "nothing",
    "evry": "every",
    "evryday": "everyday",
    "evry1": "everyone",
    "skl": "school",
    "skool": "school",
    "coll": "college",
    "placment": "placement",
}

# Two-word spellings joined before matching.
JOINS: Final[dict[str, str]] = {
    "my self": "myself",
    "me self": "myself",
    "cyber bullied": "cyberbullied",
    "cyber bullying": "cyberbullying",
}
