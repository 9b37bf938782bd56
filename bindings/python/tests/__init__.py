"""Tests of the kare Python binding (stdlib unittest).

Run from bindings/python with KARE_LIBRARY set to the built libkare:
``python -m unittest discover -s tests -t .``. CTest runs them as
``python.binding``.
"""
