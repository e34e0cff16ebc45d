"""A town opening a name run after an office ("Bupati Garut Wiryo Kusumasto"), which the
text also writes alone ("Kabupaten Garut", "di Garut"), is what the office is of, not part
of the person's name, where the text uses a later word of the run alone too ("ujar
Wiryo"). Short invented passages; the people are fictional (the towns are real places,
as the check needs)."""

from __future__ import annotations

from tests.test_attribution_mentions import check_speaker


def test_town_after_an_office_is_no_part_of_the_name_id() -> None:
    check_speaker(
        'Bupati Garut Wiryo Kusumasto meninggalkan rapat paripurna DPRD, Senin.\n'
        'Menurut Wiryo, rapat itu membahas persoalan internal DPRD mengenai ketua DPRD '
        'Kabupaten Garut.\n"Saya diundang untuk membahas anggaran, tetapi kok malah membahas '
        'persoalan lain," ujar Wiryo di Garut.',
        'id', 'Saya diundang', 'Wiryo Kusumasto')



def test_the_city_word_after_an_office_town_is_no_name_id() -> None:
    # "Kota" (city) is part of the town's name the office is of, never a person's.
    check_speaker(
        'Kapolres Malang Kota, AKBP Wiryo Kusumasto mengatakan, pihaknya masih menyelidiki '
        'kasus pencurian di Malang.\n"Kami masih menunggu tim dari Polda," ucapnya.',
        'id', 'Kami masih menunggu', 'Wiryo Kusumasto')
