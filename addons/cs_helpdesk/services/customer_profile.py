"""Customer-file figures (H9) that need no database: age bands."""

# Lower bounds of the age bands used in the customer analytics (S0: age structure of customers).
AGE_BANDS = [
    (0, 'under_20'),
    (20, '20_29'),
    (30, '30_39'),
    (40, '40_49'),
    (50, '50_59'),
    (60, '60_plus'),
]


def age_band(birth_year, current_year):
    """The age band code of someone born in ``birth_year``, in ``current_year``; None without a year."""
    if not birth_year or birth_year > current_year:
        return None
    age = current_year - birth_year
    return [code for lower, code in AGE_BANDS if age >= lower][-1]
