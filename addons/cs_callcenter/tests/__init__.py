from . import test_call_queue
