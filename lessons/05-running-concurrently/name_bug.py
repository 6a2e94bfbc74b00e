# The notes wrote:  if "__name__" == "__main__":
if "__name__" == "__main__":
    print("this line never runs")

print("compare two string literals:", "__name__" == "__main__")
print("the variable __name__ holds:", repr(__name__))
print("the correct test:", __name__ == "__main__")
