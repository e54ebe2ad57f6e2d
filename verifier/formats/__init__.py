"""Container readers: sniffing and one small walker per family."""
