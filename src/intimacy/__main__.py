"""Run the command line with ``python -m intimacy``."""

from intimacy._cli import main

if __name__ == "__main__":
    main()
