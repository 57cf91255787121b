"""Frequent Danish function words: evidence for language detection."""

STOP_WORDS = frozenset(
    """
    af alle allerede alt andre at blev blive bliver da de dem den denne dens der deres det dette
    dig din dine disse dog du efter eller en end er et for fra ham han hans har havde have hende
    hendes her hos hun hvad hvis hvor hvordan hvorfor i ikke ind jeg jer jo kan kunne man mange
    med meget men mig min mine mit mod når ned noget nogle nu og også om op os over på sig sin
    sine sit skal skulle som sådan thi til ud under var vi vil ville vor vores være været samt
    også samtidig igennem imellem mellem hvilket hvilke blandt inden indenfor uden
    """.split()  # noqa: SIM905 - one readable block of words
)
