"""Word lists for the redaction suggesters: names, and words that look like names but are not."""


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Common first names in the UK across generations (ONS lists), that are not also everyday words.
FIRST_NAMES = _words(
    """
    aaliyah aaron abdul abigail adam adil ahmed aidan aiden aisha alex alexander alfie ali
    alice alicia amara amelia amina amir amy andrew aneesa anna archie arjun aryan ashley
    ava ayaan ayesha bailey bartosz beatrice bella ben benjamin bethany brandon bradley
    callum cameron caitlin charlie charlotte chloe chantelle ciaran connor courtney daniel
    danielle darren david declan demi dylan edward elijah elizabeth ella ellie elsie emily
    emma erin ethan evie fatima finley freddie freya gabriel george georgia hamza hannah
    harley harriet harry harrison hassan hayley heidi henry hollie ibrahim isaac isabella
    isabelle isla ismail jacob jake james jamal jamie jasmine jason jayden jess jessica
    jodie joe joel john jordan joseph joshua julia kai karen kayden kayla keira kelly kevin
    khadija kieran kyle lacey laura lauren layla leah leo leon lewis liam logan louie louis
    lucas lucy luke maisie maja mason matilda matthew megan mia michael millie mohammed
    mohammad muhammad nathan nathaniel niamh noah nathalie oliver olivia omar oscar paige
    patrick phoebe reece reuben riley robert ryan sadie samuel sam samantha sana sarah
    scarlett sean shannon shauna sienna sofia sophia sophie stacey stephen tariq taylor theo
    thomas tia tom tommy tyler usman victoria william yasmin yusuf zack zain zara zoe
    zuzanna
    """
)
# Names that are also words, days or months: only suggested where the sentence says it is a name.
WORDLIKE_NAMES = _words(
    """
    amber april atlas autumn bill blessing carol chase dawn daisy drew eve faith frank grace
    guy holly honey hope hunter ivy jack jade jay joy june mark max may mo nick pat pearl
    penny poppy ray rich robin rose ruby sky summer sunny will
    """
)
NOT_NAMES = _words(
    """
    a about actually after again all also always amazing an and annoying another any at away
    back bad because being best but busy can cos could did do doing dont going good great
    has have he her here him his horrible how i ill im in is it just kind late lazy leaving
    lovely mean my new nice no not now off ok okay old on only or our out really rubbish she
    sick so some still strict that the their them then there they this too useless very was
    we weird were what when where who why with you your yesterday today tomorrow tonight
    monday tuesday wednesday thursday friday saturday sunday january february march august
    september october november december
    """
)

NOT_STREET_NAMES = NOT_NAMES | _words(
    """
    years year yrs months month weeks week days day hours hour minutes mins times people
    kids children miles mile pounds quid meals friends of for to from by as are be been had
    into onto up down over more most less other others than
    """
)


NOT_HANDLES = NOT_NAMES | _words(
    """
    account broken blocked banned dead deleted disabled down gone hacked me off on private
    public working it is and or but app
    """
)
