"""``python -m cchc_kpi``: the same as the ``cchc-kpi`` command."""

from cchc_kpi.cli import main

if __name__ == "__main__":
    main()
