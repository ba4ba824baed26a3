# Stand-in for EasyAnimate's install.py (which pip-installs its requirements into the environment).
import sys

print(f"Installing EasyAnimate requirements with {sys.executable}")
