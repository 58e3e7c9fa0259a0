import KefuCore
