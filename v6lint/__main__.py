from v6lint.cli import main

main()
