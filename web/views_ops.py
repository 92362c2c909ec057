"""Operations pages."""
ROUTES: list = []
