"""The ФПУ catalogue, offers, needs and transfers arrive with the exchange bank (issue 5)."""
