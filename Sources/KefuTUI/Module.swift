import KefuCore
import CNcurses
