"""Frequent French function words: evidence for language detection."""

STOP_WORDS = frozenset(
    """
    au aux avec ce ces cette dans de des du elle elles en est et été être eux il ils je la le les
    leur leurs lui ma mais me même mes moi mon ne nos notre nous on ont ou où par pas pour qu que
    qui sa sans se ses son sont sur ta te tes toi ton tu un une vos votre vous y à ça afin ainsi
    aussi autre autres avant après cela celle celui chaque comme depuis dont donc entre ici lors
    leurs lorsque mais même moins ni outre parmi peu plus plusieurs puis quand quel quelle quelles
    quels sera seront selon sous tous tout toute toutes très vers via sont été était étaient
    """.split()  # noqa: SIM905 - one readable block of words
)
