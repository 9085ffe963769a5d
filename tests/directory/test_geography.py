"""Arrondissements, postal codes and neighbours."""

from directory import geography


def test_twenty_arrondissements():
    assert geography.arrondissement_numbers() == tuple(range(1, 21))


def test_postal_codes():
    assert geography.arrondissement_for_postal_code("75014") == 14
    assert geography.arrondissement_for_postal_code("75116") == 16
    assert geography.arrondissement_for_postal_code("75021") is None


def test_neighbours_are_symmetric_and_never_self():
    for number in geography.arrondissement_numbers():
        neighbours = geography.neighbours_of(number)
        assert neighbours, number
        assert number not in neighbours
        for other in neighbours:
            assert number in geography.neighbours_of(other), (number, other)


def test_known_neighbours():
    assert set(geography.neighbours_of(14)) == {5, 6, 13, 15}
    assert 8 in geography.neighbours_of(7)  # across the Seine
